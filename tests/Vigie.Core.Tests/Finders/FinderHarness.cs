using Vigie.Extraction.Finders;
using Vigie.Model;
using Vigie.Numbers;
using Vigie.Text.Analysis;
using Vigie.Text;
using Vigie.Time;

namespace Vigie.Tests.Finders;

/// <summary>Runs the tokenizer and the finders over a text, and reads the corpus files of tests/corpus/&lt;lang&gt;/.</summary>
public static class FinderHarness
{
    private static readonly Vigie.Pipeline.Pipeline Finders = new(
    [
        new Tokenizer(), new NumberRecognizer(), new TimeRecognizer(), new PlaceFinder(), new ActorFinder(), new VictimFinder(),
        new SourceFinder(), new TriggerFinder(), new ModalityFinder(), new OutcomeFinder(),
    ]);

    public static Document Run(string text, string lang)
    {
        var doc = new Document("test", text) { Language = lang };
        return Finders.Run(doc);
    }

    /// <summary>The rows of tests/corpus/&lt;lang&gt;/&lt;file&gt;: text, expected, comment (header comment lines start with '#').</summary>
    public static IEnumerable<object[]> Corpus(string lang, string file)
    {
        var path = Path.Combine(RepoRoot(), "tests", "corpus", lang, file);
        var tsv = Vigie.Lexicons.Tsv.Load(path);
        foreach (var row in tsv.Rows)
            yield return [$"{lang}/{file}:{row.Line}", row["text"], row["expected"]];
    }

    public static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            if (Directory.Exists(Path.Combine(dir.FullName, "tests", "corpus"))) return dir.FullName;
        throw new DirectoryNotFoundException("tests/corpus not found above the test binaries");
    }

    /// <summary>"-" in a corpus file means: nothing is found.</summary>
    public static string Render(IEnumerable<string> items)
    {
        var s = string.Join("; ", items);
        return s.Length == 0 ? "-" : s;
    }
}
