using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Vigie.Composition;
using Vigie.Errors;
using Vigie.Model;
using Vigie.Pipeline;
using Vigie.Readers;
using Vigie.Tests.Readers;

namespace Vigie.Tests.Fuzz;

/// <summary>A text built from pieces of the samples, numbers, dates and odd characters, with an optional publication date.</summary>
public sealed record PipelineText(string Text, string? Date)
{
    public override string ToString() => $"date {Date ?? "none"}: \"{Text.Replace("\n", "\\n")}\"";
}

/// <summary>Bytes given to one reader: pieces of the sample files spliced with random bytes.</summary>
public sealed record ReaderInput(string Format, byte[] Bytes)
{
    public override string ToString() => $"{Format}: {Convert.ToHexString(Bytes.AsSpan(0, Math.Min(Bytes.Length, 200)))}";
}

public static class FuzzArbitraries
{
    private static readonly Lazy<(string[] Sentences, string[] Words, byte[][] Files)> Corpus = new(() =>
    {
        var docs = Inputs.Read([SampleTests.Samples], new ReaderOptions()).Where(i => i.Document != null).Select(i => i.Document!.Text).ToList();
        var sentences = docs.SelectMany(t => t.Split(". ")).Where(s => s.Length > 0).ToArray();
        var words = docs.SelectMany(t => t.Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries)).Distinct().Order(StringComparer.Ordinal).ToArray();
        var files = Directory.EnumerateFiles(SampleTests.Samples, "*", SearchOption.AllDirectories).Where(Inputs.IsKnownExtension)
            .Order(StringComparer.Ordinal).Select(File.ReadAllBytes).ToArray();
        return (sentences, words, files);
    });

    private static readonly string[] Specials =
    [
        "au moins", "plus de", "une dizaine de", "entre 10 et 20", "99999999999999999999", "350.000", "20 000", "1er",
        "mardi", "la veille", "depuis le 3 mars", "le 31 février", "depuis 2011", "l'OSDH", "selon", "(AFP)", "«", "»",
        "\u00A0", "\u2019", "\u202F", "\uD83D\uDCA5", "\uD800", "\uDC00", "e\u0301", "\r\n", "\t", "...", "?!", "-", "—", "\"",
    ];

    public static Arbitrary<PipelineText> PipelineTexts()
    {
        var (sentences, words, _) = Corpus.Value;
        var piece = Gen.Frequency(
            (6, Gen.Elements(words)),
            (3, Gen.Elements(Specials)),
            (2, Gen.Choose(0, int.MaxValue).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture))),
            (2, Gen.Choose(0, 0xFFFF).Select(c => ((char)c).ToString())),
            (2, Gen.Elements(sentences).SelectMany(s => Gen.Choose(0, s.Length).SelectMany(a => Gen.Choose(a, s.Length).Select(b => s[a..b])))));
        var text = Gen.ListOf(piece).SelectMany(parts => Gen.Elements(" ", "", "\n", ", ", ". ").Select(sep => string.Join(sep, parts)));
        var date = Gen.Elements<string?>(null, "2018", "2018-04", "2019-05-14", "2021-02-28");
        return Arb.From(text.Zip(date, (t, d) => new PipelineText(t, d)));
    }

    public static Arbitrary<ReaderInput> ReaderInputs()
    {
        var (_, _, files) = Corpus.Value;
        var formats = Inputs.Readers.Keys.Order(StringComparer.Ordinal).ToArray();
        var slice = Gen.Elements(files).SelectMany(f => Gen.Choose(0, f.Length).SelectMany(a => Gen.Choose(a, Math.Min(f.Length, a + 600)).Select(b => f[a..b])));
        var noise = Gen.ArrayOf(Gen.Choose(0, 255).Select(i => (byte)i));
        var ascii = Gen.ArrayOf(Gen.Elements("{}[]\",:;<>/\n\r date 2018-02-30 text"u8.ToArray()));
        var bytes = Gen.ListOf(Gen.Frequency((4, slice), (1, noise), (2, ascii))).Select(parts => parts.SelectMany(p => p).ToArray());
        return Arb.From(Gen.Elements(formats).Zip(bytes, (f, b) => new ReaderInput(f, b)));
    }
}

/// <summary>Properties over generated inputs: spans stay inside their text; readers never throw.</summary>
public class SpanPropertyTests
{
    private static readonly Vigie.Pipeline.Pipeline Pipeline = PipelineFactory.Create();

    [Property(Arbitrary = [typeof(FuzzArbitraries)], MaxTest = 300)]
    public void Pipeline_AnyText_EverySpanLiesInsideTheText(PipelineText input)
    {
        var doc = new Document("p", input.Text);
        if (input.Date != null) doc.Published = PartialDate.Parse(input.Date);
        Pipeline.Run(doc);
        Assert.Empty(SpanWalker.Outside(doc));
    }

    [Property(Arbitrary = [typeof(FuzzArbitraries)], MaxTest = 300)]
    public void Read_AnyBytesAnyReader_ItemsNamedNoInternalError(ReaderInput input)
    {
        var name = "in." + input.Format;
        var items = Inputs.ReadStream(name, new MemoryStream(input.Bytes), new ReaderOptions { Format = input.Format }).ToList();
        Assert.NotEmpty(items);
        foreach (var item in items)
        {
            Assert.True(item.Document != null || item.Problem != null);
            if (item.Problem is { } p)
            {
                Assert.Equal(name, p.Origin.File);
                Assert.True(p.Origin.Line >= 1, p.ToString());
                Assert.StartsWith("VIG-R0", p.Message);
                Assert.DoesNotContain(ErrorCatalogue.Internal.Code, p.Message);
            }
            if (item.Document is { } d) Assert.False(string.IsNullOrWhiteSpace(d.Text));
        }
    }

    [Fact]
    public void SpanWalker_SpanOutsideText_IsFound()
    {
        // the checker itself must see a bad span, or the properties above would pass vacuously
        var doc = new Document("w", "abc");
        Pipeline.Run(doc);
        Assert.NotEmpty(SpanWalker.Collect(doc));
        Assert.Empty(SpanWalker.Outside(doc));
        doc.Layers.Set(new List<Vigie.Model.NumberMention> { new(new TextSpan(2, 9), 1, Bound.Exact) });
        Assert.Single(SpanWalker.Outside(doc));
    }
}
