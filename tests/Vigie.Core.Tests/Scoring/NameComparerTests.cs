using Vigie.Scoring;

namespace Vigie.Tests.Scoring;

public class NameComparerTests
{
    [Theory]
    [InlineData("OSDH", "l'Observatoire syrien des droits de l'Homme", true)]
    [InlineData("l’Observatoire syrien des droits de l’Homme", "OSDH", true)]
    [InlineData("MSF", "Médecins sans frontières", true)]
    [InlineData("HCR", "Haut-Commissariat aux réfugiés", true)]
    [InlineData("armée ukrainienne", "l'armée ukrainienne", true)]
    [InlineData("mairie de Donetsk", "mairie de Donetsk (Ivan Prikhodko)", true)]
    [InlineData("Somali police", "police", true)]
    [InlineData("MINUSCA", "Minusca", true)]
    [InlineData(null, null, true)]
    [InlineData("", null, true)]
    [InlineData(null, "OSDH", false)]
    [InlineData("OSDH", "Minusca", false)]
    [InlineData("UN", "Ukrainian military", false)]
    [InlineData("Reuters", "AFP", false)]
    [InlineData("armée malienne", "armée ukrainienne", false)]
    [InlineData("OS", "Observatoire syrien des droits de l'Homme", false)]
    public void SameSource_Pairs_FollowTheScoringRule(string? a, string? b, bool expected) =>
        Assert.Equal(expected, NameComparer.Default.SameSource(a, b));

    [Theory]
    [InlineData("Sobane Da", "sobane-da", true)]
    [InlineData("Hajar al-Aswad", "Hajar Al Aswad", true)]
    [InlineData("le camp de Yarmouk", "camp Yarmouk", true)]
    [InlineData("Nompéré Bomba", "NOMPERE BOMBA", true)]
    [InlineData("Gao", "Goa", false)]
    [InlineData("région de Mopti", "Mopti", false)]
    [InlineData("", "", false)]
    public void SameName_Pairs_CompareNormalisedNames(string a, string b, bool expected) =>
        Assert.Equal(expected, NameComparer.Default.SameName(a, b));

    [Theory]
    [InlineData("Adaïssé", "Adaïssé (Odaisseh)", true)]
    [InlineData("Odaisseh", "Adaïssé (Odaisseh)", true)]
    [InlineData("Shujayea", "Shujayea (Shuja'iyya), Gaza City", true)]
    [InlineData("Jenin", "Jenin (city and refugee camp)", true)]
    [InlineData("Gaza City", "Shujayea (Shuja'iyya), Gaza City", false)]
    [InlineData("Mopti", "région de Mopti", false)]
    [InlineData("Kidal", "Gao (near Kidal)", false)]
    [InlineData("", "Gao", false)]
    public void SamePlace_ReadsTheNameBeforeABracketOrACommaAndTheNamesInBrackets(string a, string b, bool expected)
    {
        Assert.Equal(expected, NameComparer.Default.SamePlace(a, b));
        Assert.Equal(expected, NameComparer.Default.SamePlace(b, a));
    }

    [Fact]
    public void Words_OnlyParticles_KeepsThemAll() =>
        Assert.Equal(["un"], NameComparer.Default.Words("UN"));

    [Fact]
    public void FoldedWords_Elision_SplitsTheArticle() =>
        Assert.Equal(["l'", "armee", "d'", "etat"], NameComparer.FoldedWords("L’armée d'État"));
}
