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
}
