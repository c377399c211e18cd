using Vigie.Composition;
using Vigie.Geo;
using Vigie.Lexicons;
using Vigie.Model;
using Vigie.Pipeline;
using Vigie.Text.Analysis;
using Vigie.Text;

namespace Vigie.Tests.Lexicons;

/// <summary>
/// A language is a folder: tests/data/lang/xx is a small made-up pack (a handful of rows per file), added as an
/// extra root of language packs. With no change to the code, it is discovered, guessed, and extraction runs in it.
/// Its words are made up, so the other tests of the process do not see them.
/// </summary>
public class ThirdLanguageTests
{
    static ThirdLanguageTests() => DataPaths.AddLangRoot(Path.Combine(DataPaths.Root, "tests", "data", "lang"));

    private const string Text = "Almenaŭ 12 mortintoj kaj tri civiluloj estis mortigitaj en aeratako en Gao, diris ili.";

    [Fact]
    public void Languages_ExtraRoot_DiscoversThePackAfterTheDefault()
    {
        Assert.Contains("xx", Languages.All);
        Assert.Equal(Languages.Default, Languages.All[0]);
        Assert.Equal("xx", Languages.PackOf("xx"));
        Assert.Equal(Languages.Default, Languages.PackOf("zz"));
    }

    [Fact]
    public void Guess_TextOfThePack_IsThePack()
    {
        Assert.Equal("xx", LanguageGuesser.Guess(Tokenizer.Tokenize(Text)));
    }

    [Fact]
    public void Pipeline_SentenceOfThePack_GivesFiguresAndAnEvent()
    {
        var doc = new Document("xx-1", Text) { Language = "xx", Published = PartialDate.Parse("2024-03-12") };
        PipelineFactory.CreateWithoutGeocoding().Run(doc);
        var result = ExtractionResult.For(doc);
        var figures = result.CasualtyReports.SelectMany(r => r.Figures).Select(f => (f.Outcome, f.Group, f.Count, f.Bound)).ToList();
        Assert.Contains((Outcome.Killed, VictimGroup.All, 12L, Bound.AtLeast), figures);
        Assert.Contains((Outcome.Killed, VictimGroup.Civilians, 3L, Bound.Exact), figures);
        var e = Assert.Single(result.Events);
        Assert.Equal((EventSubtype.AirDroneStrike, "Gao"), (e.Subtype, e.Location!.Name));
    }

    [Fact]
    public void Sources_LanguageCodes_OnlyInTheRegistry()
    {
        var registry = Path.Combine("Lexicons", "Languages.cs");
        var offenders = Directory.EnumerateFiles(Path.Combine(DataPaths.Root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
            .Where(f => !f.EndsWith(registry, StringComparison.Ordinal))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (f, i, line)))
            .Where(x => x.line.Contains("\"fr\"") || x.line.Contains("\"en\""))
            .Select(x => $"{Path.GetRelativePath(DataPaths.Root, x.f)}:{x.i + 1}")
            .ToList();
        Assert.True(offenders.Count == 0, "language codes outside Lexicons/Languages.cs: " + string.Join(", ", offenders));
    }
}
