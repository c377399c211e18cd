using Vigie.Extraction.Finders;
using Vigie.Model;

namespace Vigie.Tests.Finders;

/// <summary>
/// One test per rule family, driven by tests/corpus/&lt;lang&gt;/*.tsv: each row is a sentence written for the tests
/// and what the finder must read in it ("-" = nothing; negatives are rows that must give "-" or must not give a wrong reading).
/// </summary>
public class FinderCorpusTests
{
    public static IEnumerable<object[]> Places() => FinderHarness.Corpus("fr", "place_mentions.tsv").Concat(FinderHarness.Corpus("en", "place_mentions.tsv"));
    public static IEnumerable<object[]> Actors() => FinderHarness.Corpus("fr", "actors.tsv").Concat(FinderHarness.Corpus("en", "actors.tsv"));
    public static IEnumerable<object[]> Victims() => FinderHarness.Corpus("fr", "victims.tsv").Concat(FinderHarness.Corpus("en", "victims.tsv"));
    public static IEnumerable<object[]> Sources() => FinderHarness.Corpus("fr", "sources.tsv").Concat(FinderHarness.Corpus("en", "sources.tsv"));
    public static IEnumerable<object[]> Triggers() => FinderHarness.Corpus("fr", "triggers.tsv").Concat(FinderHarness.Corpus("en", "triggers.tsv"));
    public static IEnumerable<object[]> Modality() => FinderHarness.Corpus("fr", "modality.tsv").Concat(FinderHarness.Corpus("en", "modality.tsv"));

    private static string Lang(string row) => row[..2];

    [Theory]
    [MemberData(nameof(Places))]
    public void PlaceFinder_CorpusRow_FindsExpectedPlaces(string row, string text, string expected)
    {
        var doc = FinderHarness.Run(text, Lang(row));
        var got = FinderHarness.Render(doc.Layers.Get<PlaceMention>().Select(p => $"{p.Name}|{FinderData.SnakeCase(p.Relation.ToString())}|{p.Feature}"));
        Assert.True(expected == got, $"{row}: expected {expected}, got {got}");
    }

    [Theory]
    [MemberData(nameof(Actors))]
    public void ActorFinder_CorpusRow_FindsExpectedActors(string row, string text, string expected)
    {
        var doc = FinderHarness.Run(text, Lang(row));
        var got = FinderHarness.Render(doc.Layers.Get<ActorMention>().Select(a => $"{a.Name}|{FinderData.SnakeCase(a.Kind.ToString())}|{a.Country}"));
        Assert.True(expected == got, $"{row}: expected {expected}, got {got}");
    }

    [Theory]
    [MemberData(nameof(Victims))]
    public void VictimFinder_CorpusRow_FindsExpectedGroups(string row, string text, string expected)
    {
        var doc = FinderHarness.Run(text, Lang(row));
        var got = FinderHarness.Render(doc.Layers.Get<VictimMention>().Select(v => $"{v.Span.Of(text)}|{FinderData.SnakeCase(v.Group.ToString())}|{v.NamedGroup}"));
        Assert.True(expected == got, $"{row}: expected {expected}, got {got}");
    }

    [Theory]
    [MemberData(nameof(Sources))]
    public void SourceFinder_CorpusRow_FindsExpectedSources(string row, string text, string expected)
    {
        var doc = FinderHarness.Run(text, Lang(row));
        var got = FinderHarness.Render(doc.Layers.Get<SourceMention>().Select(s => s.Name + (s.Partisan ? "|partisan" : "") + (s.Addressee ? "|addressee" : "")));
        Assert.True(expected == got, $"{row}: expected {expected}, got {got}");
    }

    [Theory]
    [MemberData(nameof(Triggers))]
    public void TriggerFinder_CorpusRow_FindsExpectedSubtypes(string row, string text, string expected)
    {
        var doc = FinderHarness.Run(text, Lang(row));
        var got = FinderHarness.Render(doc.Layers.Get<TriggerMention>().Select(t => $"{t.Span.Of(text)}|{FinderData.SnakeCase(t.Subtype.ToString())}"));
        Assert.True(expected == got, $"{row}: expected {expected}, got {got}");
    }

    [Theory]
    [MemberData(nameof(Modality))]
    public void ModalityFinder_CorpusRow_FindsExpectedCues(string row, string text, string expected)
    {
        var doc = FinderHarness.Run(text, Lang(row));
        var got = FinderHarness.Render(doc.Layers.Get<ModalityMention>().Select(m => $"{m.Span.Of(text)}|{FinderData.SnakeCase(m.Modality.ToString())}{(m.Negation ? "|negation" : "")}"));
        Assert.True(expected == got, $"{row}: expected {expected}, got {got}");
    }
}
