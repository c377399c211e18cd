namespace Vigie.Model;

// Vocabulary of ../shared/spec/event-format.md (ACLED event taxonomy, UCDP-style figures).
// JSON names are the snake_case of the member names.

public enum EventType
{
    Battles,
    ExplosionsRemoteViolence,
    ViolenceAgainstCivilians,
    Protests,
    Riots,
    StrategicDevelopments,
}

public enum EventSubtype
{
    ArmedClash,
    GovernmentRegainsTerritory,
    NonStateActorOvertakesTerritory,
    AirDroneStrike,
    ShellingArtilleryMissileAttack,
    SuicideBomb,
    RemoteExplosiveLandmineIed,
    Grenade,
    ChemicalWeapon,
    Attack,
    AbductionForcedDisappearance,
    SexualViolence,
    PeacefulProtest,
    ProtestWithIntervention,
    ExcessiveForceAgainstProtesters,
    ViolentDemonstration,
    MobViolence,
    Agreement,
    Arrests,
    ChangeToGroupActivity,
    DisruptedWeaponsUse,
    HeadquartersOrBaseEstablished,
    LootingPropertyDestruction,
    NonViolentTransferOfTerritory,
    Other,
}

public enum ActorKind
{
    StateForces,
    RebelGroup,
    PoliticalMilitia,
    IdentityMilitia,
    Rioters,
    Protesters,
    Civilians,
    ExternalForces,
}

public enum Modality { Asserted, Claimed, Denied, Hypothetical, Planned }

public enum ReportScope { Event, Period, ConflictTotal }

public enum Outcome { Killed, Injured, Missing, Abducted, Arrested, Displaced }

public enum VictimGroup { Civilians, GovernmentForces, NonStateArmed, ForeignForces, All }

public enum Bound { Exact, AtLeast, MoreThan, About, AtMost, Range }

public static class Taxonomy
{
    /// <summary>The ACLED event type each subtype belongs to.</summary>
    public static EventType TypeOf(EventSubtype s) => s switch
    {
        EventSubtype.ArmedClash or EventSubtype.GovernmentRegainsTerritory or EventSubtype.NonStateActorOvertakesTerritory => EventType.Battles,
        EventSubtype.AirDroneStrike or EventSubtype.ShellingArtilleryMissileAttack or EventSubtype.SuicideBomb
            or EventSubtype.RemoteExplosiveLandmineIed or EventSubtype.Grenade or EventSubtype.ChemicalWeapon => EventType.ExplosionsRemoteViolence,
        EventSubtype.Attack or EventSubtype.AbductionForcedDisappearance or EventSubtype.SexualViolence => EventType.ViolenceAgainstCivilians,
        EventSubtype.PeacefulProtest or EventSubtype.ProtestWithIntervention or EventSubtype.ExcessiveForceAgainstProtesters => EventType.Protests,
        EventSubtype.ViolentDemonstration or EventSubtype.MobViolence => EventType.Riots,
        _ => EventType.StrategicDevelopments,
    };

    /// <summary>The two subtypes of a place changing hands by force: the state taking it back, or another armed actor taking it.</summary>
    public static bool IsTerritoryChange(EventSubtype s) => s is EventSubtype.GovernmentRegainsTerritory or EventSubtype.NonStateActorOvertakesTerritory;
}
