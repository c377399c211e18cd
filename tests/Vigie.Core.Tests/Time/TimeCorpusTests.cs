using Vigie.Model;
using Vigie.Numbers;
using Vigie.Pipeline;
using Vigie.Text.Analysis;
using Vigie.Text;
using Vigie.Time;

namespace Vigie.Tests.Time;

/// <summary>
/// Runs tests/corpus/{fr,en}/time.tsv: each text is read as published on the row's date ("now"), and its
/// first time mention must resolve to the expected range and kind; "none" = no time expression,
/// "unresolved" = an expression whose range cannot be given.
/// </summary>
public class TimeCorpusTests
{
    private static readonly Pipeline.Pipeline Pipe = new([new Tokenizer(), new NumberRecognizer(), new TimeRecognizer()]);

    public static TheoryData<string, int> Cases => CorpusFile.Rows("time.tsv", "fr", "en");

    [Theory]
    [MemberData(nameof(Cases))]
    public void Resolve_CorpusRow_GivesExpectedRange(string lang, int line)
    {
        var row = CorpusFile.Row(lang, "time.tsv", line);
        var text = row["text"];
        var doc = new Document("corpus", text) { Language = lang, Published = PartialDate.Parse(row["publication"]) };
        var found = Pipe.Run(doc).Layers.Get<TimeMention>();
        var what = $"{lang}/time.tsv:{line} '{text}' @ {row["publication"]} → [{string.Join("; ", found.Select(m => $"{m.Span.Of(text)}: {m.Range?.Start}..{m.Range?.End} {m.Kind} bg={m.Background} ({m.Rule})"))}]";
        var start = row["start"];
        if (start == "none")
        {
            Assert.True(found.Count == 0, what);
            return;
        }
        Assert.True(found.Count > 0, what);
        var m = found[0];
        if (row.Get("kind") is { } k) Assert.True(m.Kind.ToString() == k, what);
        if (start == "unresolved")
        {
            Assert.True(m.Range == null, what);
            return;
        }
        Assert.True(m.Range?.Start.ToString() == start, what);
        Assert.True(m.Range?.End.ToString() == (row.Get("end") ?? start), what);
        if (row.Get("background") is { } bg) Assert.True(m.Background == (bg == "yes"), what);
    }
}
