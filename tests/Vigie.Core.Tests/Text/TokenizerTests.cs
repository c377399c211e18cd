using Vigie.Model;
using Vigie.Text.Analysis;
using Vigie.Text;

namespace Vigie.Tests.Text;

public class TokenizerTests
{
    [Theory]
    [InlineData("l'Observatoire syrien", "l'|observatoire|syrien")]
    [InlineData("Hajar al-Aswad, Qadam", "hajar|al-aswad|,|qadam")]
    [InlineData("quatre-vingt-dix-sept morts", "quatre-vingt-dix-sept|morts")]
    [InlineData("plus de 350.000 morts", "plus|de|350|.|000|morts")]
    [InlineData("L’explosion d’un véhicule", "l'|explosion|d'|un|vehicule")]
    [InlineData("le 1er mai", "le|1er|mai")]
    public void Tokenize_SplitsWordsElisionsAndNumbers(string text, string expected)
    {
        var tokens = Tokenizer.Tokenize(text);
        Assert.Equal(expected, string.Join("|", tokens.Select(t => t.Folded)));
        foreach (var t in tokens) Assert.True(t.Span.IsValidFor(text));
    }

    [Fact]
    public void SplitSentences_EndsAtPeriodBeforeCapitalAndAtNewline()
    {
        const string text = "Les forces ont avancé vendredi. Selon M. Abdel Rahmane, les combats continuent\nUn autre paragraphe.";
        var tokens = Tokenizer.Tokenize(text);
        var sentences = Tokenizer.SplitSentences(text, tokens);
        Assert.Equal(3, sentences.Count);
        Assert.Equal("Les forces ont avancé vendredi.", sentences[0].Span.Of(text));
        Assert.StartsWith("Selon M. Abdel", sentences[1].Span.Of(text));
    }

    [Theory]
    [InlineData("Deux soldats ont été blessés.Un fermier a été tué vendredi.", 2)]
    [InlineData("Voir pic.twitter.com/YjYWn9 pour la vidéo.", 1)]
    [InlineData("Selon M.Dupont, rien.", 1)]
    public void SplitSentences_AFullStopThatLostItsSpace_StillEndsASentence(string text, int count)
    {
        var sentences = Tokenizer.SplitSentences(text, Tokenizer.Tokenize(text));
        Assert.Equal(count, sentences.Count);
    }

    [Theory]
    [InlineData("The raid on Aug. 18 killed nine. Police said so.", 2)]
    [InlineData("It happened in Sept. 2 people were hurt.", 1)]
    [InlineData("They left in Aug. Nobody came back.", 2)]
    public void SplitSentences_MonthAbbreviationBeforeADay_DoesNotEndTheSentence(string text, int count)
    {
        var sentences = Tokenizer.SplitSentences(text, Tokenizer.Tokenize(text));
        Assert.Equal(count, sentences.Count);
    }

    [Fact]
    public void FindQuotes_KeepsGuillemetsAndStraightQuotes()
    {
        const string text = "« Un kamikaze a attaqué un camp » a dit une source, \"après avoir percé\" selon Sana.";
        var quotes = Tokenizer.FindQuotes(text);
        Assert.Equal(2, quotes.Count);
        Assert.Equal("« Un kamikaze a attaqué un camp »", quotes[0].Span.Of(text));
        Assert.Equal("\"après avoir percé\"", quotes[1].Span.Of(text));
    }

    [Theory]
    [InlineData("Les forces du régime ont progressé dans la périphérie de la ville", "fr")]
    [InlineData("The army said on Monday that the attack was repelled by the troops", "en")]
    public void LanguageGuesser_TellsFrenchFromEnglish(string text, string lang) =>
        Assert.Equal(lang, LanguageGuesser.Guess(Tokenizer.Tokenize(text)));

    [Theory]
    [InlineData("2018", DatePrecision.Year)]
    [InlineData("2018-04", DatePrecision.Month)]
    [InlineData("2018-04-27", DatePrecision.Day)]
    public void PartialDate_ParsesEachPrecision(string s, DatePrecision p)
    {
        Assert.True(PartialDate.TryParse(s, out var d));
        Assert.Equal(p, d.Precision);
        Assert.Equal(s, d.ToString());
    }

    [Theory]
    [InlineData("2018-13")]
    [InlineData("2018-02-30")]
    [InlineData("18-04")]
    [InlineData("")]
    public void PartialDate_RejectsInvalid(string s) => Assert.False(PartialDate.TryParse(s, out _));
}
