using Vigie.Composition;
using Vigie.Geo;
using Vigie.Model;
using Vigie.Pipeline;

namespace Vigie.Tests.Assembly;

/// <summary>
/// The whole pipeline (without the gazetteer) on sentences written for these tests: who a figure is credited to,
/// which group it counts, and numbers that count victims without a noun of their own.
/// </summary>
public class AttributionAndFigureTests
{
    private static readonly Vigie.Pipeline.Pipeline Pipeline = PipelineFactory.CreateWithoutGeocoding();

    private static List<(Figure Figure, CasualtyReport Report)> Figures(string text, string lang = "fr", string published = "2021-03-09")
    {
        var doc = new Document("t", text) { Language = lang, Published = PartialDate.Parse(published) };
        Pipeline.Run(doc);
        return ExtractionResult.For(doc).CasualtyReports.SelectMany(r => r.Figures.Select(f => (f, r))).ToList();
    }

    private static (Figure Figure, CasualtyReport Report) Only(string text, long count, string lang = "fr") =>
        Assert.Single(Figures(text, lang), x => x.Figure.Count == count);

    [Theory]
    [InlineData("Selon un bilan du ministère de la Santé, 21 personnes ont trouvé la mort.", 21, "ministère de la Santé")]
    [InlineData("Dix-sept personnes ont été blessées, selon les informations de RFI.", 17, "RFI")]
    [InlineData("Le gouvernement a établi un bilan de 43 morts.", 43, "gouvernement")]
    public void Source_BodyBehindADocumentOrATally_IsTheSource(string text, long count, string source)
    {
        var (_, rep) = Only(text, count);
        Assert.NotNull(rep.Source);
        Assert.Contains(source, rep.Source);
    }

    [Fact]
    public void Source_TheStatementOfABodyNamedBefore_IsThatBody()
    {
        var figs = Figures("L'état-major des armées a publié un communiqué jeudi. Selon le communiqué, sept assaillants ont été neutralisés.");
        Assert.Contains("état-major", Assert.Single(figs, x => x.Figure.Count == 7).Report.Source);
    }

    [Theory]
    [InlineData("fr", "Quinze combattants ont été tués, a indiqué l'Armée nationale somalienne.", 15, "Armée nationale somalienne")]
    [InlineData("en", "Fifteen militants were killed, Uganda's military said on Tuesday.", 15, "Uganda's military")]
    [InlineData("en", "Four militants were killed in the gunfight, officials said.", 4, "officials")]
    public void Source_ArmyNamedOtherwiseThanItsDemonym_KeepsTheTextsWords(string lang, string text, long count, string source)
    {
        var (_, rep) = Only(text, count, lang);
        Assert.Equal(source, rep.Source);
    }

    [Fact]
    public void Source_ContrastClause_TakesItsOwnAttribution()
    {
        var figs = Figures("Au moins 30 villageois ont été tués, selon la préfecture, tandis que des élus locaux parlent de 45 morts.");
        Assert.Equal("préfecture", Assert.Single(figs, x => x.Figure.Count == 30).Report.Source);
        Assert.Equal("élus locaux", Assert.Single(figs, x => x.Figure.Count == 45).Report.Source);
    }

    [Fact]
    public void Source_SpeakerAfterTheAgencySpokenTo_IsTheSource()
    {
        var (_, rep) = Only("Quatre éleveurs ont été tués, a indiqué à l'AFP un responsable communal.", 4);
        Assert.Equal("responsable communal", rep.Source);
    }

    [Fact]
    public void Source_TimeBetweenVerbAndSpeaker_IsSkipped()
    {
        var (_, rep) = Only("Douze civils ont péri, ont annoncé mercredi 3 mars des responsables locaux.", 12);
        Assert.NotNull(rep.Source);
        Assert.Contains("responsables", rep.Source);
    }

    [Fact]
    public void Source_TitledSubjectBeforeTheVerb_IsTheSource()
    {
        var (_, rep) = Only("Le gouverneur de la province, Amadou Sall, a fait état de neuf morts.", 9);
        Assert.Contains("Amadou Sall", rep.Source);
    }

    [Fact]
    public void Source_NameAfterACue_WithItsAcronym()
    {
        var (_, rep) = Only("Onze manifestants ont été arrêtés, selon le Collectif pour la défense des libertés (CDL).", 11);
        Assert.Equal("CDL", rep.Source);
    }

    [Fact]
    public void Source_BodyThatGaveTheFigures_IsTheSource()
    {
        var (_, rep) = Only("Selon le dernier bilan communiqué par la Croix-Rouge, dix personnes sont mortes.", 10);
        Assert.Equal("Croix-Rouge", rep.Source);
    }

    /// <summary>Who the text credits for a figure, one row per way of naming the speaker (the first column says which).</summary>
    [Theory]
    [InlineData("a day between the participle of giving and its agent", "fr", "Neuf éleveurs ont été tués, selon un bilan transmis lundi par la Croix-Rouge.", 9, "Croix-Rouge")]
    [InlineData("a day between the participle of giving and its agent", "en", "Seven people died, according to figures released on Sunday by the Red Cross.", 7, "Red Cross")]
    [InlineData("a body described before its own name", "fr", "Selon l'association Tournons La Page, active dans la région, douze militants ont été arrêtés samedi.", 12, "Tournons La Page")]
    [InlineData("a body described before its own name", "en", "According to the rights group Hengaw, based in Norway, eleven protesters were detained.", 11, "Hengaw")]
    [InlineData("the surname of a speaker named before", "en", "Gunmen attacked Fungzai on Monday, John Yakubu said. Yakubu said that the gunmen killed 15 persons.", 15, "John Yakubu")]
    [InlineData("the surname of a speaker named before", "fr", "Des hommes armés ont attaqué Fungzai lundi, a déclaré Jean Kabila. Kabila a ajouté que les assaillants avaient tué 15 personnes.", 15, "Jean Kabila")]
    [InlineData("a pronoun for the speaker named before", "fr", "Selon le chef traditionnel de Kiabanganzi, trois personnes ont été tuées lundi. Il ajoute que quatre autres ont été enlevées.", 4, "chef traditionnel de Kiabanganzi")]
    [InlineData("a named armed group speaking", "en", "Fourteen soldiers were killed near the town on Sunday, Al Shabaab said.", 14, "Al Shabaab")]
    [InlineData("a named armed group speaking", "fr", "Quatorze soldats ont été tués dimanche près de la ville, a affirmé le M23.", 14, "M23")]
    [InlineData("an embassy closing a quote of several sentences", "fr", "\"La police disperse la foule. Il y a au moins deux morts dans les manifestations\", indique l'ambassade.", 2, "ambassade")]
    [InlineData("an embassy speaking", "en", "At least two people have been killed in the protests, the US embassy said.", 2, "US embassy")]
    [InlineData("a body's capitalised name with 'of', a time before its verb", "en", "The Amhara Association of America this week alleged that at least 135 people were killed.", 135, "Amhara Association of America")]
    [InlineData("a body's own name after a description with capitalised words", "fr", "Quatre personnes ont été tuées à Sanandaj, a rapporté l'ONG de défense des Kurdes d'Iran Hengaw.", 4, "Hengaw")]
    [InlineData("a pronoun after a quote that counts soldiers: the speaker named before, not the soldiers", "fr", "Le préfet a parlé lundi. « Le bilan fait état de sept militaires tués », a-t-il souligné.", 7, "préfet")]
    [InlineData("an office, an aside in brackets, then the person who holds it", "en", "Three children have been reported missing since Monday, inspector general of police (operations) IK Muivah said.", 3, "IK Muivah")]
    public void Source_IsTheSpeakerTheTextNames(string why, string lang, string text, long count, string source)
    {
        var (_, rep) = Only(text, count, lang);
        Assert.True(source == rep.Source, $"{why}: expected {source}, got {rep.Source}");
    }

    [Theory]
    [InlineData("At least eight soldiers were killed on Sunday in a roadside bombing, military officials said.", 8, "military officials")]
    [InlineData("Two servicemen were killed by mortar fire near Avdiivka, a Ukrainian military spokesman told journalists.", 2, "Ukrainian military spokesman")]
    [InlineData("Two servicemen were killed by mortar fire near Avdiivka, Ukrainian military spokesman Andriy Lysenko told journalists.", 2, "Andriy Lysenko")]
    public void Source_ArmyOfficialsInTheTextsWords_WithADemonymBeforeThem(string text, long count, string source)
    {
        var (_, rep) = Only(text, count, "en");
        Assert.StartsWith(source, rep.Source);
    }

    [Fact]
    public void Source_HeadlinesBareTitle_IsTheSpeakerTheBodyNamesWithIt()
    {
        var figures = Figures("Missile strike kills three in the centre - governor\nThree people were killed when missiles hit an airfield on Saturday, regional governor Andriy Raikovych said.", "en");
        Assert.All(figures.Where(f => f.Figure.Count == 3), f => Assert.Equal("Andriy Raikovych", f.Report.Source));
    }

    [Fact]
    public void Source_DescriptorWithAnAdjective_IsASource_ButABareOnePointsBack()
    {
        Assert.Equal("ONG locale", Only("La répression a fait plus de 300 morts, selon une ONG locale.", 300).Report.Source);
        Assert.NotEqual("organisation", Only("Six Casques bleus ont été tués depuis 2022, selon les chiffres de l'organisation.", 6).Report.Source);
        Assert.Equal("ONG", Only("D'après des ONG, le conflit a déjà fait plus de 900 morts.", 900).Report.Source);
    }

    [Theory]
    [InlineData("Four soldiers were wounded in the clash, Col Mwangi added.", 4, "Mwangi")]
    [InlineData("Two policemen were killed overnight, said Maj. Adebayo Okafor.", 2, "Adebayo Okafor")]
    [InlineData("The army's Northern Command said six militants were killed in the raid.", 6, "Northern Command")]
    public void Source_RankedPersonOrNamedBodyOfASource_BeforeTheVerb_IsTheSpeaker(string text, long count, string source)
    {
        var (_, rep) = Only(text, count, "en");
        Assert.Equal(source, rep.Source);
    }

    [Fact]
    public void Source_ContractedArticleAfterACue_KeepsTheSpeaker()
    {
        var (_, rep) = Only("Trois policiers ont été blessés, selon des responsables.", 3);
        Assert.Equal("responsables", rep.Source);
    }

    [Fact]
    public void Source_PersonBeforeATitleInApposition_IsTheSpeaker()
    {
        var (_, rep) = Only("Forty people were wounded on Sunday, Maria Teles, a hospital spokeswoman, said.", 40, "en");
        Assert.Equal("Maria Teles", rep.Source);
    }

    [Fact]
    public void Source_RankBeforeAName_IsDropped()
    {
        var (_, rep) = Only("Three soldiers were killed on Monday, Colonel Jane Okoro said.", 3, "en");
        Assert.Equal("Jane Okoro", rep.Source);
    }

    [Theory]
    [InlineData("Huit combattants progouvernementaux ont été tués samedi.", 8, VictimGroup.GovernmentForces)]
    [InlineData("Huit combattants rebelles ont été tués samedi.", 8, VictimGroup.NonStateArmed)]
    [InlineData("Trois membres des forces de sécurité ont été blessés samedi.", 3, VictimGroup.GovernmentForces)]
    [InlineData("L'armée a avancé un bilan de vingt morts parmi les assaillants.", 20, VictimGroup.NonStateArmed)]
    [InlineData("Le bilan fait état de cinq blessés dans les rangs des forces de l'ordre.", 5, VictimGroup.GovernmentForces)]
    [InlineData("Le bilan provisoire fait état de trois morts côté FAMa.", 3, VictimGroup.GovernmentForces)]
    [InlineData("Les rebelles ont poursuivi leur avancée lundi en massacrant six civils.", 6, VictimGroup.Civilians)]
    public void Group_SideModifierOrRanks_DecidesTheGroup(string text, long count, VictimGroup group) =>
        Assert.Equal(group, Only(text, count).Figure.Group);

    [Theory]
    [InlineData("Plus de 200 ont été blessés lors des heurts de samedi.", 200, Outcome.Injured)]
    [InlineData("Un Afghan a été tué samedi près de la frontière.", 1, Outcome.Killed)]
    [InlineData("Une seconde victime a été tuée dans la nuit.", 1, Outcome.Killed)]
    [InlineData("Une quinzaine d'assaillants ont été tués samedi.", 15, Outcome.Killed)]
    [InlineData("Six personnes, dont deux femmes et trois enfants de moins de dix ans, ont été tuées samedi.", 6, Outcome.Killed)]
    [InlineData("Quatorze personnes sont portées disparues depuis samedi.", 14, Outcome.Missing)]
    [InlineData("La police a procédé à 35 arrestations samedi.", 35, Outcome.Arrested)]
    public void Count_WithoutUsualNoun_IsAFigure(string text, long count, Outcome outcome) =>
        Assert.Equal(outcome, Only(text, count).Figure.Outcome);

    [Fact]
    public void Count_DoerOfAnActiveVerb_IsNotTheVictim()
    {
        var figs = Figures("Samedi, un Soudanais a blessé un policier à l'arme blanche.");
        var (f, _) = Assert.Single(figs);
        Assert.Equal(VictimGroup.GovernmentForces, f.Group);
    }

    [Fact]
    public void Count_PartsInADashedAside_AreNotFigures()
    {
        var figs = Figures("Cinq Casques bleus - trois Népalais, deux Ghanéens - ont péri samedi.");
        var (f, _) = Assert.Single(figs);
        Assert.Equal(5, f.Count);
    }
}
