using Vigie.Composition;
using Vigie.Lexicons;
using Vigie.Model;
using Vigie.Numbers;
using Vigie.Time;

namespace Vigie.Tests.Time;

public class TimeRulesTests
{
    private static Tsv Parse(string content) => Tsv.Parse(new StringReader(content), "lang/xx/test.tsv");

    [Fact]
    public void Load_UnknownSlot_ThrowsWithFileAndLine()
    {
        var tsv = Parse("# header\nname\tpattern\tresolve\targ\tkind\tbackground\tcomment\nr1\tle {jour}\tdate\t\tPoint\t\t\n");
        var e = Assert.Throws<FormatException>(() => TimeRules.Load(tsv));
        Assert.Contains("lang/xx/test.tsv:3", e.Message);
        Assert.Contains("{jour}", e.Message);
    }

    [Fact]
    public void Load_UnknownResolution_ThrowsWithFileAndLine()
    {
        var tsv = Parse("name\tpattern\tresolve\targ\tkind\tbackground\tcomment\nr1\tle {day} {month}\tsomeday\t\tPoint\t\t\n");
        var e = Assert.Throws<FormatException>(() => TimeRules.Load(tsv));
        Assert.Contains("lang/xx/test.tsv:2", e.Message);
    }

    [Fact]
    public void ParsePattern_OptionalAndAlternatives_AreFoldedElements()
    {
        var elements = TimeRules.ParsePattern("Ce|LE? {weekday} Dernière?", "here");
        Assert.Equal(3, elements.Length);
        Assert.True(elements[0].Optional);
        Assert.Equal(["ce", "le"], elements[0].Literals);
        Assert.Equal(SlotKind.Weekday, elements[1].Slot);
        Assert.Equal(["derniere"], elements[2].Literals);
    }

    [Fact]
    public void NumberLexicon_UnknownKind_ThrowsWithFileAndLine()
    {
        var tsv = Parse("form\tkind\tvalue\tbound\tcomment\ndeux\tunit\t2\t\t\ntrois\tnombre\t3\t\t\n");
        var e = Assert.Throws<FormatException>(() => NumberLexicon.FromTsv(tsv));
        Assert.Contains("lang/xx/test.tsv:3", e.Message);
    }

    [Fact]
    public void NumberLexicon_BoundWithoutValue_ThrowsWithFileAndLine()
    {
        var tsv = Parse("form\tkind\tvalue\tbound\tcomment\nau moins\tbound\t\tsome\t\n");
        var e = Assert.Throws<FormatException>(() => NumberLexicon.FromTsv(tsv));
        Assert.Contains("lang/xx/test.tsv:2", e.Message);
    }

    [Theory]
    [InlineData("fr")]
    [InlineData("en")]
    public void For_ShippedLanguagePacks_LoadEveryRule(string lang)
    {
        var rules = TimeRules.For(lang);
        Assert.NotEmpty(rules.Rules);
        Assert.NotEmpty(rules.Words.Weekdays);
        Assert.Equal(12, rules.Words.Months.Values.Distinct().Count());
        Assert.NotEmpty(NumberLexicon.For(lang).Words);
    }

    [Theory]
    [InlineData("Il y a 300 millions d'années, des combats ont eu lieu.")]
    [InlineData("Depuis 5000 siècles, 200 milliers d'années de guerre.")]
    [InlineData("Fighting began 90000000 years ago.")]
    public void Resolve_CountBeyondTheCalendar_DoesNotThrow(string text)
    {
        var doc = new Vigie.Model.Document("far", text) { Published = Vigie.Model.PartialDate.Parse("2019-05-12") };
        Vigie.Composition.PipelineFactory.CreateWithoutGeocoding().Run(doc);
        Assert.NotNull(Vigie.Model.ExtractionResult.For(doc));
    }
}
