using System.Xml;
using System.Xml.Linq;
using Vigie.Errors;
using Vigie.Model;

namespace Vigie.Readers;

/// <summary>
/// RSS 2.0, RSS 1.0 (RDF) and Atom feeds saved as files: one document per item/entry, its text the
/// title then the description or content with tags stripped; pubDate / dc:date / published /
/// updated give the date, link the url. Each document is numbered by the line of its item. An
/// item with an impossible date is rejected at the line of that date; the others are still read.
/// DTDs are refused (no entity expansion).
/// </summary>
public sealed class FeedReader : IDocumentReader
{
    public static readonly FeedReader Instance = new();
    public string Format => "feed";

    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private static readonly XNamespace Rss1 = "http://purl.org/rss/1.0/";
    private static readonly XNamespace Dc = "http://purl.org/dc/elements/1.1/";
    private static readonly XNamespace Content = "http://purl.org/rss/1.0/modules/content/";

    public IEnumerable<ReadItem> Read(string path, Stream stream, ReaderOptions options)
    {
        if (!Utf8Input.TryReadAll(stream, options.MaxFileBytes, out var xml, out var badLine, out var error))
        {
            yield return ReadItem.Reject(new Origin(path, badLine), error);
            yield break;
        }
        var (doc, problem) = Parse(path, xml);
        if (problem != null) { yield return problem; yield break; }
        var root = doc!.Root!;
        IEnumerable<XElement> items;
        if (root.Name.LocalName == "rss") items = root.Elements("channel").Elements("item");
        else if (root.Name == Atom + "feed") items = root.Elements(Atom + "entry");
        else if (root.Name.LocalName == "RDF") items = root.Elements(Rss1 + "item");
        else
        {
            yield return ReadItem.Reject(new Origin(path, Line(root)), $"{ErrorCatalogue.Feed.Code} not an RSS or Atom feed (root element <{DocumentFields.Shorten(root.Name.LocalName)}>)");
            yield break;
        }
        var stem = DocumentFields.Stem(path);
        var any = false;
        foreach (var item in items)
        {
            any = true;
            yield return ReadEntry(path, stem, item, options);
        }
        if (!any) yield return Vigie.Readers.ReadItem.Reject(new Origin(path, Line(root)), $"{ErrorCatalogue.Empty.Code} the feed has no items");
    }

    private static (XDocument? Doc, ReadItem? Problem) Parse(string path, string xml)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersFromEntities = 1024,
            IgnoreComments = true,
        };
        try
        {
            using var reader = XmlReader.Create(new StringReader(xml), settings);
            var doc = XDocument.Load(reader, LoadOptions.SetLineInfo);
            return doc.Root == null ? (null, Vigie.Readers.ReadItem.Reject(new Origin(path, 1), $"{ErrorCatalogue.Feed.Code} no root element")) : (doc, null);
        }
        catch (XmlException e)
        {
            var message = e.Message;
            var cut = message.IndexOf(" Line ", StringComparison.Ordinal);
            if (cut > 0) message = message[..cut];
            return (null, Vigie.Readers.ReadItem.Reject(new Origin(path, Math.Max(e.LineNumber, 1)), $"{ErrorCatalogue.Feed.Code} not well-formed XML: {DocumentFields.Shorten(message)}"));
        }
    }

    private static ReadItem ReadEntry(string path, string stem, XElement item, ReaderOptions options)
    {
        var line = Line(item);
        var isAtom = item.Name.Namespace == Atom;
        var ns = isAtom ? Atom : item.Name.Namespace;
        var title = Text(item.Element(ns + "title"));
        string? body;
        if (isAtom) body = Text(item.Element(Atom + "content")) ?? Text(item.Element(Atom + "summary"));
        else
        {
            var description = Text(item.Element(ns + "description"));
            var content = Text(item.Element(Content + "encoded"));
            body = content != null && (description == null || content.Length > description.Length) ? content : description;
        }
        var dateElement = isAtom
            ? item.Element(Atom + "published") ?? item.Element(Atom + "updated")
            : item.Element(ns + "pubDate") ?? item.Element(Dc + "date");
        string? link = isAtom
            ? (item.Elements(Atom + "link").FirstOrDefault(l => (string?)l.Attribute("rel") is null or "alternate") ?? item.Element(Atom + "link"))?.Attribute("href")?.Value
            : item.Element(ns + "link")?.Value;

        var text = title == null ? body : body == null || body.StartsWith(title, StringComparison.Ordinal) ? body ?? title : title + "\n\n" + body;
        var fields = new DocumentFields
        {
            Date = dateElement?.Value,
            DateLine = dateElement != null ? Line(dateElement) : line,
            Title = title,
            Text = text,
            Url = link?.Trim(),
            Lang = (string?)item.Parent?.Element(ns + "language") ?? (string?)item.Document?.Root?.Attribute(XNamespace.Xml + "lang"),
            Source = Text(item.Parent?.Element(ns + "title")) ?? Text(item.Element(Dc + "creator")),
        };
        if (fields.Lang is { Length: > 2 } l) fields.Lang = l[..2];
        return fields.ToItem(new Origin(path, line), $"{stem}#{line}", options);
    }

    private static string? Text(XElement? e)
    {
        if (e == null) return null;
        var t = HtmlText.FromHtml(e.Value);
        return string.IsNullOrWhiteSpace(t) ? null : t;
    }

    private static int Line(XObject o) => o is IXmlLineInfo li && li.HasLineInfo() ? li.LineNumber : 1;
}
