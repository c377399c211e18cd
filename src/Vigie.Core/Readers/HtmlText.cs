using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Vigie.Readers;

/// <summary>
/// Plain text of an HTML fragment: tags dropped, entities decoded, runs of spaces collapsed to one,
/// one blank line between paragraphs (p, div, li, headings, br), scripts and styles skipped.
/// </summary>
public static class HtmlText
{
    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "section",
        "article", "header", "footer", "figure", "figcaption", "table", "tr", "pre", "dd", "dt", "main",
    };

    private static readonly HashSet<string> Skipped = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "noscript", "template", "svg", "iframe", "button", "form",
    };

    internal static HtmlParser NewParser() => new(new HtmlParserOptions { IsKeepingSourceReferences = true });

    /// <summary>Text of a fragment given as HTML source (feed descriptions).</summary>
    public static string FromHtml(string html)
    {
        if (html.IndexOf('<') < 0 && html.IndexOf('&') < 0) return Normalise(html);
        var doc = NewParser().ParseDocument("<body>" + html + "</body>");
        return doc.Body == null ? "" : FromNode(doc.Body);
    }

    /// <summary>Text of a parsed element.</summary>
    public static string FromNode(INode node)
    {
        var sb = new StringBuilder();
        Walk(node, sb, 0);
        return Normalise(sb.ToString());
    }

    private static void Walk(INode node, StringBuilder sb, int depth)
    {
        if (depth > 256) return; // pathological nesting: the deeper text is dropped
        foreach (var child in node.ChildNodes)
        {
            switch (child)
            {
                case IText t:
                    sb.Append(t.Data);
                    break;
                case IElement e when Skipped.Contains(e.LocalName):
                    break;
                case IElement e when e.LocalName == "br":
                    sb.Append('\n');
                    break;
                case IElement e when Blocks.Contains(e.LocalName):
                    sb.Append("\n\n");
                    Walk(e, sb, depth + 1);
                    sb.Append("\n\n");
                    break;
                case IElement e:
                    Walk(e, sb, depth + 1);
                    break;
            }
        }
    }

    /// <summary>Collapses spaces inside lines, keeps single newlines, makes paragraph breaks one blank line, trims.</summary>
    public static string Normalise(string s)
    {
        var sb = new StringBuilder(s.Length);
        var newlines = 0;
        var space = false;
        foreach (var c in s)
        {
            if (c == '\n') { newlines++; space = false; continue; }
            if (char.IsWhiteSpace(c)) { space = true; continue; }
            if (sb.Length > 0)
            {
                if (newlines > 0) sb.Append(newlines > 1 ? "\n\n" : "\n");
                else if (space) sb.Append(' ');
            }
            newlines = 0; space = false;
            sb.Append(c);
        }
        return sb.ToString();
    }
}
