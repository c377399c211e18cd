using Vigie.Extraction.Finders;
using Vigie.Lexicons;
using Vigie.Model;
using Vigie.Text.Analysis;
using Vigie.Text;

namespace Vigie.Tests.Finders;

public class PhraseMatcherTests
{
    private static string Find(PhraseMatcher<string> m, string text) =>
        string.Join("; ", m.FindAll(Tokenizer.Tokenize(text), 0, Tokenizer.Tokenize(text).Count, text).Select(x => x.Value));

    [Theory]
    [InlineData("Les frappes aériennes ont repris.", "air")]
    [InlineData("Une frappe isolée.", "")]
    [InlineData("Des bombardements intenses.", "bombard")]
    [InlineData("L'attaque contre un camp militaire.", "clash")]
    [InlineData("L'attaque contre le village.", "attack")]
    [InlineData("L’EI recule.", "is")]
    public void FindAll_Phrases_LongestMatchWithPrefixAndWildcard(string text, string expected)
    {
        var m = new PhraseMatcher<string>();
        m.Add("frappes aériennes", "air");
        m.Add("bombard*", "bombard");
        m.Add("attaque contre _ camp", "clash");
        m.Add("attaque", "attack");
        m.Add("l'EI", "is");
        Assert.Equal(expected, Find(m, text));
    }

    [Fact]
    public void Add_AfterMatching_PhraseWithNewFirstWordMatchesToo()
    {
        // the table of first words is built on the first match; a row added later (with words no lexicon had) must reach it
        var m = new PhraseMatcher<string>();
        m.Add("combats", "fight");
        Assert.Equal("fight", Find(m, "De violents combats."));
        var before = m.StartIds();
        Assert.Same(before, m.StartIds());
        m.Add("vrombizal ostrague", "made-up");
        Assert.Equal("made-up", Find(m, "Un vrombizal ostrague au loin."));
        Assert.Equal("fight", Find(m, "Encore des combats."));
        Assert.Equal(before!.Count + 1, m.StartIds()!.Count);
    }

    [Fact]
    public void Add_SamePhraseTwice_FirstRowWins()
    {
        var m = new PhraseMatcher<string>();
        m.Add("combats", "first");
        m.Add("Combats", "second");
        Assert.Equal(1, m.Count);
        Assert.Equal("first", Find(m, "De violents combats."));
    }

    [Theory]
    [InlineData("IS fighters fled.", "is")]
    [InlineData("The town is calm.", "")]
    public void Match_Acronym_OnlyCapitalsInText(string text, string expected)
    {
        var m = new PhraseMatcher<string>();
        m.Add("IS", "is");
        Assert.Equal(expected, Find(m, text));
    }

    [Fact]
    public void Match_ElidedWordWrittenAlone_MatchesTokenizerOutput()
    {
        var m = new PhraseMatcher<string>();
        m.Add("ne sait pas s'", "doubt");
        Assert.Equal("doubt", Find(m, "On ne sait pas s'ils sont partis."));
    }

    [Fact]
    public void ParseEnum_UnknownValue_NamesFileAndLine()
    {
        var tsv = Tsv.Parse(new StringReader("# header\nforms\tgroup\ncivils\tcivilians\nsoldats\tarmy\n"), "victims.tsv");
        Assert.Equal(VictimGroup.Civilians, FinderData.ParseEnum<VictimGroup>(tsv, tsv.Rows[0], "group"));
        var e = Assert.Throws<FormatException>(() => FinderData.ParseEnum<VictimGroup>(tsv, tsv.Rows[1], "group"));
        Assert.Contains("victims.tsv:4", e.Message);
        Assert.Contains("government_forces", e.Message);
    }

    [Fact]
    public void Finders_ParallelDocuments_SameResultsAsOneThread()
    {
        const string text = "Les forces du régime syrien ont repris vendredi le quartier de Qadam, selon l'OSDH. Des frappes aériennes ont visé Douma, a affirmé l'agence Sana.";
        static string Render(Document d) => string.Join("|",
            d.Layers.Get<PlaceMention>().Select(p => p.Name)
                .Concat(d.Layers.Get<ActorMention>().Select(a => a.Name))
                .Concat(d.Layers.Get<SourceMention>().Select(s => s.Name))
                .Concat(d.Layers.Get<TriggerMention>().Select(t => t.Subtype.ToString())));
        var expected = Render(FinderHarness.Run(text, "fr"));
        Assert.Contains("Qadam", expected);
        Assert.Contains("OSDH", expected);
        var results = new string[64];
        Parallel.For(0, results.Length, i => results[i] = Render(FinderHarness.Run(text, "fr")));
        Assert.All(results, r => Assert.Equal(expected, r));
    }
}
