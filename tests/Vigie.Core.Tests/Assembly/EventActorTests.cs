using Vigie.Model;

namespace Vigie.Tests.Assembly;

/// <summary>Who acts and who is acted upon: clause structure, state forces abroad, demonstrations, planted explosives.</summary>
public class EventActorTests
{
    [Fact]
    public void Process_SubjectOfAPassiveEventVerb_IsTheTarget()
    {
        var r = new Layers("Deux casernes de la gendarmerie ont été attaquées vendredi à Tonkolo.", published: "2021-04-10")
            .Trigger("attaquées", EventSubtype.ArmedClash).Actor("gendarmerie", "Military Forces of Mali", ActorKind.StateForces, "ML")
            .Time("vendredi", TimeKind.Point, "2021-04-09").Place("Tonkolo", country: "ML").Run();
        var e = Assert.Single(r.Events);
        Assert.Equal(ActorKind.StateForces, e.Actor2!.Kind);
        Assert.NotEqual(ActorKind.StateForces, e.Actor1?.Kind);
    }

    [Fact]
    public void Process_AgentAfterParInAPassive_IsTheActor()
    {
        var r = new Layers("Le village de Borsa a été attaqué lundi par des rebelles.", published: "2021-04-10")
            .Trigger("attaqué", EventSubtype.Attack).Actor("rebelles", "Rebel group (Mali)", ActorKind.RebelGroup, "ML")
            .Time("lundi", TimeKind.Point, "2021-04-05").Place("Borsa", country: "ML").Run();
        var e = Assert.Single(r.Events);
        Assert.Equal((ActorKind.RebelGroup, ActorKind.Civilians), (e.Actor1!.Kind, e.Actor2!.Kind));
    }

    [Fact]
    public void Process_VictimWordThatAttacks_StaysTheActor()
    {
        // "forces" is a victim word, but here the rebel forces are the subject of "attacked", with no outcome in between
        var r = new Layers("Three policemen died after rebel forces attacked the Ndop police post on Friday.", lang: "en", published: "2021-04-10")
            .Trigger("attacked", EventSubtype.ArmedClash).Outcome("died", Outcome.Killed)
            .Actor("policemen", "Police Forces of Cameroon", ActorKind.StateForces, "CM").Actor("rebel forces", "Rebel group (Cameroon)", ActorKind.RebelGroup, "CM")
            .Actor("police", "Police Forces of Cameroon", ActorKind.StateForces, "CM", nth: 1)
            .Victim("policemen", VictimGroup.GovernmentForces).Victim("forces", VictimGroup.GovernmentForces)
            .Time("Friday", TimeKind.Point, "2021-04-09").Place("Ndop", country: "CM").Run();
        var e = Assert.Single(r.Events);
        Assert.Equal((ActorKind.RebelGroup, ActorKind.StateForces), (e.Actor1!.Kind, e.Actor2!.Kind));
    }

    [Fact]
    public void Process_ArmyOutsideItsCountry_IsExternalForces()
    {
        var r = new Layers("L'armée turque a bombardé mardi le village de Derik.", published: "2021-04-10")
            .Trigger("bombardé", EventSubtype.ShellingArtilleryMissileAttack).Actor("L'armée turque", "Military Forces of Turkey", ActorKind.StateForces, "TR")
            .Time("mardi", TimeKind.Point, "2021-04-06").Place("Derik", country: "SY").Run();
        var e = Assert.Single(r.Events);
        Assert.Equal(ActorKind.ExternalForces, e.Actor1!.Kind);
        Assert.Equal("TR", e.Actor1.Country);
    }

    [Fact]
    public void Process_ArmyAtHome_StaysStateForces()
    {
        var r = new Layers("L'armée turque a bombardé mardi le village de Cizre.", published: "2021-04-10")
            .Trigger("bombardé", EventSubtype.ShellingArtilleryMissileAttack).Actor("L'armée turque", "Military Forces of Turkey", ActorKind.StateForces, "TR")
            .Time("mardi", TimeKind.Point, "2021-04-06").Place("Cizre", country: "TR").Run();
        Assert.Equal(ActorKind.StateForces, Assert.Single(r.Events).Actor1!.Kind);
    }

    [Fact]
    public void Process_DispersedDemonstration_HasTheCrowdFirstAndThePoliceSecond()
    {
        var r = new Layers("Des manifestants ont été dispersés samedi par la police à Lomé.", published: "2021-04-10")
            .Trigger("dispersés", EventSubtype.ProtestWithIntervention)
            .Actor("manifestants", "Protesters (Togo)", ActorKind.Protesters, "TG").Actor("police", "Police Forces of Togo", ActorKind.StateForces, "TG")
            .Time("samedi", TimeKind.Point, "2021-04-10").Place("Lomé", country: "TG").Run();
        var e = Assert.Single(r.Events);
        Assert.Equal((ActorKind.Protesters, ActorKind.StateForces), (e.Actor1!.Kind, e.Actor2!.Kind));
    }

    [Fact]
    public void Process_RiotWithNoCrowdWord_HasRiotersAsActor1()
    {
        var r = new Layers("Des émeutes ont éclaté jeudi à Dapaong.", published: "2021-04-10")
            .Trigger("émeutes", EventSubtype.ViolentDemonstration)
            .Time("jeudi", TimeKind.Point, "2021-04-08").Place("Dapaong", country: "TG").Run();
        var e = Assert.Single(r.Events);
        Assert.Equal(ActorKind.Rioters, e.Actor1!.Kind);
        Assert.Equal("TG", e.Actor1.Country);
    }

    [Fact]
    public void Process_RoadsideBombNamedWithTheSoldiers_HasTheSoldiersAsTarget()
    {
        const string text = "Les shebab ont revendiqué l'attaque. Des soldats ont sauté sur une mine artisanale mercredi près de Afgoye.";
        var r = new Layers(text, published: "2021-04-10")
            .Actor("shebab", "Al Shabaab", ActorKind.RebelGroup, "SO")
            .Trigger("mine artisanale", EventSubtype.RemoteExplosiveLandmineIed).Actor("soldats", "Military Forces of Somalia", ActorKind.StateForces, "SO")
            .Time("mercredi", TimeKind.Point, "2021-04-07").Place("Afgoye", PlaceRelation.Near, country: "SO").Run();
        var e = Assert.Single(r.Events);
        Assert.Equal((ActorKind.RebelGroup, ActorKind.StateForces), (e.Actor1!.Kind, e.Actor2!.Kind));
    }
}
