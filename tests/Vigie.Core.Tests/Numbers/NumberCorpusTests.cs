using Vigie.Model;
using Vigie.Numbers;
using Vigie.Pipeline;
using Vigie.Text.Analysis;
using Vigie.Text;
using Vigie.Time;

namespace Vigie.Tests.Numbers;

/// <summary>
/// Runs tests/corpus/{fr,en}/numbers.tsv: for each text, the first number mention must have the expected
/// value and bound ("vague" = a quantity without a number; "none" = no number at all).
/// </summary>
public class NumberCorpusTests
{
    private static readonly Pipeline.Pipeline Pipe = new([new Tokenizer(), new NumberRecognizer(), new TimeRecognizer()]);

    public static TheoryData<string, int> Cases => CorpusFile.Rows("numbers.tsv", "fr", "en");

    public static IReadOnlyList<NumberMention> Numbers(string text, string lang)
    {
        var doc = new Document("corpus", text) { Language = lang, Published = PartialDate.Parse("2018-04-27") };
        return Pipe.Run(doc).Layers.Get<NumberMention>();
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Recognize_CorpusRow_GivesExpectedNumber(string lang, int line)
    {
        var row = CorpusFile.Row(lang, "numbers.tsv", line);
        var text = row["text"];
        var expected = row["value"];
        var found = Numbers(text, lang);
        var what = $"{lang}/numbers.tsv:{line} '{text}' → [{string.Join("; ", found.Select(m => $"{m.Span.Of(text)}={m.Value} {m.Bound} vague={m.Vague} unit={m.Unit}"))}]";
        if (expected == "none")
        {
            Assert.True(found.All(m => m.Unit != null), what);
            return;
        }
        Assert.True(found.Count > 0, what);
        var m = found[0];
        if (expected == "vague")
        {
            Assert.True(m.Vague && m.Value == null, what);
            return;
        }
        Assert.False(m.Vague, what);
        Assert.True(m.Value == long.Parse(expected), what);
        var bound = row.Get("bound") ?? "exact";
        Assert.True(Snake(m.Bound) == bound, what);
        if (row.Get("low") is { } low) Assert.True(m.Low == long.Parse(low), what);
        if (row.Get("high") is { } high) Assert.True(m.High == long.Parse(high), what);
        Assert.True(m.Unit == row.Get("unit"), what);
        if (m.BoundSpan is { } bs) Assert.True(bs.End <= m.Span.Start, what);
    }

    private static string Snake(Bound b) => b switch
    {
        Bound.AtLeast => "at_least",
        Bound.MoreThan => "more_than",
        Bound.AtMost => "at_most",
        _ => b.ToString().ToLowerInvariant(),
    };
}
