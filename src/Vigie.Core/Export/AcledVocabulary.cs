using Vigie.Model;

namespace Vigie.Export;

/// <summary>The words and codes of the ACLED codebook for the model's enums.</summary>
public static class AcledVocabulary
{
    public static string EventType(EventType t) => t switch
    {
        Model.EventType.Battles => "Battles",
        Model.EventType.ExplosionsRemoteViolence => "Explosions/Remote violence",
        Model.EventType.ViolenceAgainstCivilians => "Violence against civilians",
        Model.EventType.Protests => "Protests",
        Model.EventType.Riots => "Riots",
        _ => "Strategic developments",
    };

    public static string SubEventType(EventSubtype s) => s switch
    {
        EventSubtype.ArmedClash => "Armed clash",
        EventSubtype.GovernmentRegainsTerritory => "Government regains territory",
        EventSubtype.NonStateActorOvertakesTerritory => "Non-state actor overtakes territory",
        EventSubtype.AirDroneStrike => "Air/drone strike",
        EventSubtype.ShellingArtilleryMissileAttack => "Shelling/artillery/missile attack",
        EventSubtype.SuicideBomb => "Suicide bomb",
        EventSubtype.RemoteExplosiveLandmineIed => "Remote explosive/landmine/IED",
        EventSubtype.Grenade => "Grenade",
        EventSubtype.ChemicalWeapon => "Chemical weapon",
        EventSubtype.Attack => "Attack",
        EventSubtype.AbductionForcedDisappearance => "Abduction/forced disappearance",
        EventSubtype.SexualViolence => "Sexual violence",
        EventSubtype.PeacefulProtest => "Peaceful protest",
        EventSubtype.ProtestWithIntervention => "Protest with intervention",
        EventSubtype.ExcessiveForceAgainstProtesters => "Excessive force against protesters",
        EventSubtype.ViolentDemonstration => "Violent demonstration",
        EventSubtype.MobViolence => "Mob violence",
        EventSubtype.Agreement => "Agreement",
        EventSubtype.Arrests => "Arrests",
        EventSubtype.ChangeToGroupActivity => "Change to group/activity",
        EventSubtype.DisruptedWeaponsUse => "Disrupted weapons use",
        EventSubtype.HeadquartersOrBaseEstablished => "Headquarters or base established",
        EventSubtype.LootingPropertyDestruction => "Looting/property destruction",
        EventSubtype.NonViolentTransferOfTerritory => "Non-violent transfer of territory",
        _ => "Other",
    };

    /// <summary>ACLED's disorder type: political violence, demonstrations, both, or strategic developments.</summary>
    public static string DisorderType(Event e) => e.Subtype switch
    {
        EventSubtype.ExcessiveForceAgainstProtesters => "Political violence; Demonstrations",
        EventSubtype.MobViolence => "Political violence",
        _ => e.Type switch
        {
            Model.EventType.Protests or Model.EventType.Riots => "Demonstrations",
            Model.EventType.StrategicDevelopments => "Strategic developments",
            _ => "Political violence",
        },
    };

    /// <summary>Inter codes 1–8 (0 when there is no actor or its kind is unknown).</summary>
    public static int Inter(Actor? a) => a?.Kind switch
    {
        ActorKind.StateForces => 1,
        ActorKind.RebelGroup => 2,
        ActorKind.PoliticalMilitia => 3,
        ActorKind.IdentityMilitia => 4,
        ActorKind.Rioters => 5,
        ActorKind.Protesters => 6,
        ActorKind.Civilians => 7,
        ActorKind.ExternalForces => 8,
        _ => 0,
    };

    /// <summary>The two-digit interaction code: the smaller inter code first ("12"), or inter1 and 0 for a sole actor ("10").</summary>
    public static string Interaction(int inter1, int inter2)
    {
        if (inter1 == 0 && inter2 == 0) return "";
        if (inter1 == 0 || inter2 == 0) return $"{Math.Max(inter1, inter2)}0";
        return $"{Math.Min(inter1, inter2)}{Math.Max(inter1, inter2)}";
    }

    /// <summary>Time precision: 1 = the day is known, 2 = within a week, 3 = within a month or vaguer.</summary>
    public static int TimePrecision(DateRange? d)
    {
        if (d == null) return 3;
        if (d.Start.Precision != DatePrecision.Day || d.End.Precision != DatePrecision.Day) return 3;
        var days = d.End.Last.DayNumber - d.Start.First.DayNumber;
        return days == 0 ? 1 : days <= 7 ? 2 : 3;
    }

    /// <summary>Geo precision: the location's 1–3, else 3 (only a region or the country is known).</summary>
    public static int GeoPrecision(Location? l) => l?.Precision is >= 1 and <= 3 ? l.Precision.Value : 3;
}
