using Vigie.Geo;
using Vigie.Model;
using Vigie.Text;
using Vigie.Text.Analysis;

namespace Vigie.Tests.Geo;

/// <summary>How the geocoder counts the countries a text names (GeoLexicon.CountCountries).</summary>
public class CountryVoteTests
{
    [Theory]
    [InlineData("The camp lies near the Burkina Faso border.", "Burkina Faso")]
    [InlineData("The camp lies near the border with Mali.", "Mali")]
    public void CountryAcrossABorder_IsAskedAboutWithItsWholeName_AndCountsAQuarter(string text, string name)
    {
        var tokens = Tokens.AsList(Tokenizer.Tokenize(text));
        var asked = new List<string>();
        var votes = new Dictionary<string, float>(StringComparer.Ordinal);
        GeoLexicon.Default.CountCountries(tokens, 0, votes, null, span => { asked.Add(span.Of(text)); return true; });
        Assert.Equal([name], asked);
        var plain = new Dictionary<string, float>(StringComparer.Ordinal);
        GeoLexicon.Default.CountCountries(tokens, 0, plain);
        var country = Assert.Single(plain).Key;
        Assert.Equal(plain[country] * GeoLexicon.AcrossBorderWeight, votes[country]);
    }

    [Theory]
    [InlineData("fr", "Djakana, un village frontalier avec le Nigeria, a été attaqué.", "Nigeria", true)]
    [InlineData("fr", "Le poste est situé près de la frontière avec le Niger.", "Niger", true)]
    [InlineData("fr", "Le camp est proche de la frontière du Mali.", "Mali", true)]
    [InlineData("en", "The post lies near the border with Niger.", "Niger", true)]
    [InlineData("en", "The town, bordering Nigeria, was attacked.", "Nigeria", true)]
    [InlineData("fr", "Le village est situé au Niger, près de la frontière.", "Niger", false)]
    [InlineData("en", "Troops crossed the border and entered Niger on Monday.", "Niger", false)]
    public void ACountryAfterABorderWord_PastWithAndDeterminers_LiesAcrossIt(string lang, string text, string country, bool across)
    {
        var tokens = Tokens.AsList(Tokenizer.Tokenize(text));
        var start = text.IndexOf(country, StringComparison.Ordinal);
        var words = Vigie.Extraction.Finders.FunctionWords.Lexicon.For(lang);
        Assert.Equal(across, Vigie.Extraction.Finders.Countries.AfterBorder(tokens, new TextSpan(start, start + country.Length), words));
    }

    [Theory]
    [InlineData("fr", "Les combats ont repris malgré la médiation des États-Unis.", "États-Unis", true)]
    [InlineData("fr", "Une trêve négociée par le Qatar est entrée en vigueur.", "Qatar", true)]
    [InlineData("en", "A truce brokered by Egypt took effect on Sunday.", "Egypt", true)]
    [InlineData("en", "The talks were held under the auspices of Kenya.", "Kenya", true)]
    [InlineData("fr", "Des obus sont tombés sur une ville des États-Unis.", "États-Unis", false)]
    [InlineData("en", "Fighting broke out in Egypt on Sunday.", "Egypt", false)]
    public void ACountryAfterAWordOfMediation_IsAGoBetween(string lang, string text, string country, bool broker)
    {
        var tokens = Tokens.AsList(Tokenizer.Tokenize(text));
        var start = text.IndexOf(country, StringComparison.Ordinal);
        var words = Vigie.Extraction.Finders.FunctionWords.Lexicon.For(lang);
        Assert.Equal(broker, Vigie.Extraction.Finders.Countries.AfterBroker(tokens, new TextSpan(start, start + country.Length), words));
    }
}
