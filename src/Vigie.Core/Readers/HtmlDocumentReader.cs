using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Vigie.Errors;
using Vigie.Model;

namespace Vigie.Readers;

/// <summary>
/// A saved news page (.html/.htm): the article's main text found by SmartReader (navigation,
/// menus and footers dropped), its title, and its publication date from, in this order, meta
/// article:published_time, JSON-LD datePublished, other date metas, then the first
/// &lt;time datetime&gt;. A page where no article is found is rejected.
/// </summary>
public sealed class HtmlDocumentReader : IDocumentReader
{
    public static readonly HtmlDocumentReader Instance = new();
    public string Format => "html";

    private static readonly string[] DateMetas =
    [
        "article:published_time", "datepublished", "og:article:published_time", "pubdate",
        "publishdate", "date", "dc.date", "dc.date.issued", "dcterms.created", "sailthru.date",
    ];

    public IEnumerable<ReadItem> Read(string path, Stream stream, ReaderOptions options)
    {
        if (!Utf8Input.TryReadAll(stream, options.MaxFileBytes, out var html, out var badLine, out var error))
        {
            yield return ReadItem.Reject(new Origin(path, badLine), error);
            yield break;
        }
        yield return ReadHtml(path, html, options);
    }

    public static ReadItem ReadHtml(string path, string html, ReaderOptions options)
    {
        var origin = new Origin(path, 1);
        IHtmlDocument page;
        try { page = HtmlText.NewParser().ParseDocument(html); }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return ReadItem.Reject(origin, $"{ErrorCatalogue.NoArticle.Code} the page cannot be parsed as HTML: {DocumentFields.Shorten(e.Message)}");
        }

        var fields = new DocumentFields();
        FindDate(page, fields);
        var url = Meta(page, "og:url")?.Content ?? page.QuerySelector("link[rel=canonical]")?.GetAttribute("href");
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")) { url = null; uri = null; }
        fields.Url = url;
        fields.Lang = page.DocumentElement?.GetAttribute("lang") is { Length: >= 2 } lang ? lang[..2] : null;
        fields.Source = Meta(page, "og:site_name")?.Content;
        var title = Meta(page, "og:title")?.Content ?? page.Title;

        string text;
        try
        {
            var reader = new SmartReader.Reader(uri?.ToString() ?? "https://localhost/", page);
            var article = reader.GetArticle();
            text = article.IsReadable && article.Content is { Length: > 0 } content ? HtmlText.FromHtml(content) : "";
            if (!string.IsNullOrWhiteSpace(article.Title)) title = article.Title;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return ReadItem.Reject(origin, $"{ErrorCatalogue.NoArticle.Code} no article found in the page ({DocumentFields.Shorten(e.Message)})");
        }
        if (string.IsNullOrWhiteSpace(text))
            return ReadItem.Reject(origin, $"{ErrorCatalogue.NoArticle.Code} no article found in the page (no block of running text)");
        fields.Title = title is null ? null : HtmlText.Normalise(title);
        fields.Text = text;
        return fields.ToItem(origin, DocumentFields.Stem(path), options);
    }

    private static IHtmlMetaElement? Meta(IDocument page, string name)
    {
        foreach (var m in page.QuerySelectorAll("meta"))
        {
            if (m is not IHtmlMetaElement meta) continue;
            var key = m.GetAttribute("property") ?? m.GetAttribute("name") ?? m.GetAttribute("itemprop");
            if (key != null && key.Equals(name, StringComparison.OrdinalIgnoreCase) && !string.IsNullOrWhiteSpace(meta.Content)) return meta;
        }
        return null;
    }

    /// <summary>The first date the page gives, with its line (a wrong date is reported at that line).</summary>
    private static void FindDate(IDocument page, DocumentFields fields)
    {
        var meta = Meta(page, DateMetas[0]);
        if (meta != null) { Set(fields, meta.Content, meta); return; }
        foreach (var script in page.QuerySelectorAll("script[type='application/ld+json']"))
        {
            var d = JsonLdDate(script.TextContent);
            if (d != null) { Set(fields, d, script); return; }
        }
        foreach (var name in DateMetas.AsSpan(1))
        {
            meta = Meta(page, name);
            if (meta != null) { Set(fields, meta.Content, meta); return; }
        }
        var time = page.QuerySelector("time[datetime]");
        if (time != null) Set(fields, time.GetAttribute("datetime"), time);
    }

    private static void Set(DocumentFields f, string? value, IElement where)
    {
        f.Date = value;
        f.DateLine = where.SourceReference?.Position.Line ?? 1;
    }

    private static string? JsonLdDate(string json)
    {
        try
        {
            using var doc = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, MaxDepth = 32 });
            return Find(doc.RootElement, 0);
        }
        catch (JsonException) { return null; }

        static string? Find(JsonElement e, int depth)
        {
            if (depth > 8) return null;
            if (e.ValueKind == JsonValueKind.Array)
            {
                foreach (var x in e.EnumerateArray()) if (Find(x, depth + 1) is { } r) return r;
                return null;
            }
            if (e.ValueKind != JsonValueKind.Object) return null;
            if (e.TryGetProperty("datePublished", out var d) && d.ValueKind == JsonValueKind.String) return d.GetString();
            foreach (var p in e.EnumerateObject())
                if (p.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Array && Find(p.Value, depth + 1) is { } r) return r;
            return null;
        }
    }
}
