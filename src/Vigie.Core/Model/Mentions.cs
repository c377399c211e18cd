namespace Vigie.Model;

// The annotation types that extraction components put in a Document's layers.
// Each carries the span of text it was read from; later components only add to them.

/// <summary>A number in the text: digits ("350.000"), words ("une vingtaine"), with its bound.</summary>
public sealed record NumberMention(TextSpan Span, long? Value, Bound Bound)
{
    /// <summary>For ranges ("entre 10 et 20").</summary>
    public long? Low { get; init; }
    public long? High { get; init; }
    /// <summary>A quantity without a number ("des dizaines", "plusieurs"): parsed, never a casualty figure.</summary>
    public bool Vague { get; init; }
    /// <summary>The bound word's span ("au moins"), when there is one.</summary>
    public TextSpan? BoundSpan { get; init; }
    /// <summary>The measure named after the number ("distance" for "30 km", "percent", "day", "year", "money"…, from lang/xx/numbers.tsv); null for a head count.</summary>
    public string? Unit { get; init; }
}

public enum TimeKind
{
    /// <summary>A day or day range: "vendredi", "le 14 avril", "hier", "mardi soir".</summary>
    Point,
    /// <summary>Start of a period that runs to publication: "depuis le 19 avril", "depuis jeudi".</summary>
    PeriodStart,
    /// <summary>A duration back from publication: "depuis huit jours", "ces dernières 24 heures".</summary>
    Duration,
    /// <summary>A whole conflict: "depuis 2011", "depuis le début du conflit".</summary>
    ConflictStart,
    /// <summary>A month or year without a day: "en avril", "en 2016".</summary>
    Coarse,
}

/// <summary>A time expression with the range it resolves to against the publication date.</summary>
public sealed record TimeMention(TextSpan Span, TimeKind Kind)
{
    /// <summary>Resolved range (null when it cannot be resolved, e.g. a weekday with no known publication day).</summary>
    public DateRange? Range { get; set; }
    /// <summary>Name of the rule that matched (from lang/xx/time.tsv), for explanations.</summary>
    public string Rule { get; init; } = "";
    /// <summary>True for a reference to the past before the article's news ("le 3 mai dernier", "en 2013").</summary>
    public bool Background { get; set; }
    /// <summary>The date of a dateline, a byline or a time stamp ("GAO, Mali, March 5 (Reuters) -"): when the text was filed, not when its events happened.</summary>
    public bool Dateline { get; init; }
    /// <summary>Counted back from the publication day ("overnight", "ce matin", "hier"): a calendar day or a weekday in the same
    /// sentence says more surely when the event took place.</summary>
    public bool FromPublication { get; init; }
}

public enum PlaceRelation
{
    /// <summary>"à Gao", "dans le camp de Yarmouk".</summary>
    In,
    /// <summary>"près de Gao", "à 30 km de Mossoul", "dans la périphérie sud de Damas", "sud de Damas".</summary>
    Near,
    /// <summary>"la province d'Idleb", "la région de Mopti".</summary>
    Region,
}

/// <summary>A place named in the text, with the geocoder's answer once resolved.</summary>
public sealed record PlaceMention(TextSpan Span, string Name, PlaceRelation Relation)
{
    /// <summary>The span including the preposition or relation words ("près de Gao").</summary>
    public TextSpan Full { get; init; }
    /// <summary>A feature word in front ("camp", "quartier", "province"), folded.</summary>
    public string? Feature { get; init; }
    /// <summary>Filled by the geocoding component: coordinates, country, precision (1–3).</summary>
    public Location? Resolved { get; set; }
    /// <summary>The <see cref="Feature"/> of a country's capital named without its own name ("the Georgian capital", "dans la
    /// capitale"): the geocoder places it at the capital city of <see cref="CapitalOf"/>, or of the document's main country.</summary>
    public const string CapitalFeature = "@capital";
    /// <summary>The <see cref="Feature"/> of the document's own country named by a common noun ("dans l'est du pays", "in the
    /// country's north"): the geocoder places it at the main country's point (precision 3).</summary>
    public const string OwnCountryFeature = "@country";
    /// <summary>The <see cref="Feature"/> of a dateline's place ("BAMAKO:", "Mogadiscio (AFP)"): where the copy was filed.</summary>
    public const string DatelineFeature = "dateline";
    /// <summary>The <see cref="Feature"/> of a town a distance is counted from ("à 30 km de Mossoul", "eight kilometres from Makurdi"):
    /// a landmark near the event, not its place.</summary>
    public const string DistanceFeature = "distance";
    /// <summary>ISO-2 code of the country whose capital is meant (<see cref="CapitalFeature"/>); null for the document's main country.</summary>
    public string? CapitalOf { get; init; }
}

/// <summary>An actor named in the text (an armed group, a state's forces, protesters…).</summary>
public sealed record ActorMention(TextSpan Span, string Name, ActorKind Kind)
{
    public string? Country { get; init; }
    /// <summary>The text named the actor only generically ("l'armée", "the military"): <see cref="Country"/> and the name were filled from the document's main country.</summary>
    public bool Generic { get; init; }
    /// <summary>The words only name a family ("les jihadistes"): <see cref="Name"/> is the group of that family the document names elsewhere (Islamic State…), or an unidentified one.</summary>
    public bool FromContext { get; init; }
    /// <summary>The lexicon row that matched (file:line), for explanations.</summary>
    public string Rule { get; init; } = "";
    /// <summary>Named by a demonym next to a weapon or strike word ("frappe israélienne"): the forces that used it.</summary>
    public bool Wielder { get; init; }
    /// <summary>Whether the actor is a state's forces, rebels…; used for "ont repris" → government vs non-state.</summary>
    public bool IsState => Kind is ActorKind.StateForces;
}

/// <summary>A group of victims a figure can count ("civils", "soldats", "jihadistes").</summary>
public sealed record VictimMention(TextSpan Span, VictimGroup Group)
{
    public string? NamedGroup { get; init; }
    /// <summary>The country a demonym or an actor next to the words gives ("soldats israéliens", "Kenyan police officers"), ISO 3166-1 alpha-2.</summary>
    public string? Country { get; init; }
    /// <summary>The lexicon row that matched (file:line).</summary>
    public string Rule { get; init; } = "";
}

/// <summary>A country named in the text ("Syrie", "au Mali") or implied by a demonym ("syrien", "Malian"), as ISO 3166-1 alpha-2.</summary>
public sealed record CountryMention(TextSpan Span, string Iso2)
{
    /// <summary>True for an adjective or people name ("syriens") rather than the country's name.</summary>
    public bool Demonym { get; init; }
}

/// <summary>A casualty outcome word ("tués", "morts", "blessés", "enlevés", "killed") — the figure it counts is the assembly's job.</summary>
public sealed record OutcomeMention(TextSpan Span, Outcome Outcome)
{
    /// <summary>True for a noun that can carry a number itself ("37 morts", "une soixantaine de blessés"), false for a verb or participle ("ont été tués").</summary>
    public bool Noun { get; init; }
    public string Rule { get; init; } = "";
}

/// <summary>Who says something: "selon l'OSDH", "a affirmé l'agence Sana".</summary>
public sealed record SourceMention(TextSpan Span, string Name)
{
    /// <summary>The span of the attribution phrase as a whole ("selon l'OSDH").</summary>
    public TextSpan Full { get; init; }
    /// <summary>True when the source is one of the parties (a belligerent's army or media).</summary>
    public bool Partisan { get; init; }
    /// <summary>The source only received the statement ("a affirmé à l'AFP", "told Reuters"): the agency relays, someone else speaks.</summary>
    public bool Addressee { get; init; }
    /// <summary>The quoted passage this attribution introduces or closes, when there is one.</summary>
    public TextSpan? Quote { get; init; }
    /// <summary>The cue that makes the phrase an attribution ("selon", "a affirmé", "said").</summary>
    public TextSpan? Cue { get; init; }
    public string Rule { get; init; } = "";
}

/// <summary>A word or phrase that signals an event of an ACLED subtype ("frappes aériennes").</summary>
public sealed record TriggerMention(TextSpan Span, EventSubtype Subtype)
{
    public string Rule { get; init; } = "";
    /// <summary>The subtype depends on who acts ("ont repris": state forces → government_regains_territory,
    /// others → non_state_actor_overtakes_territory); the finder chose from the nearest actor, the assembly may re-decide.</summary>
    public bool ActorDependent { get; init; }
    /// <summary>The subtype depends on the target ("attaque": civilians → attack, a camp/base/forces → armed_clash); the finder chose from the sentence.</summary>
    public bool TargetDependent { get; init; }
    /// <summary>The subtype of the lexicon row before its condition was read (null when the row has no condition).</summary>
    public EventSubtype? RowSubtype { get; init; }
    /// <summary>The condition set that held and turned <see cref="RowSubtype"/> into <see cref="Subtype"/> ("air", "armed_target", …), else null.</summary>
    public string? ConditionSet { get; init; }
    /// <summary>The words that made the condition hold (the aircraft word, the armed target, the actor that is not a state's forces).</summary>
    public TextSpan? ConditionSpan { get; init; }
}

/// <summary>Hedging or denial around a span: "aurait", "a démenti", "menace de".</summary>
public sealed record ModalityMention(TextSpan Span, Modality Modality)
{
    /// <summary>"negation" for a negated event ("aucune attaque", "no attack"), else the lexicon row (file:line).</summary>
    public string Rule { get; init; } = "";
    /// <summary>True when the cue is a negation of the event itself rather than a hedging word.</summary>
    public bool Negation { get; init; }
    /// <summary>True when the clause after the cue tells what did not happen: a fear, a prevention ("de peur que", "for fear that").</summary>
    public bool Unreal { get; init; }
}

/// <summary>The final answer for a document: events, casualty reports and the resolved publication date.</summary>
public sealed class ExtractionResult
{
    /// <summary>The document's result, created by the first component that writes to it.</summary>
    public static ExtractionResult For(Document doc)
    {
        var r = doc.Layers.GetOne<ExtractionResult>();
        if (r == null) { r = new ExtractionResult(); doc.Layers.SetOne(r); }
        return r;
    }

    /// <summary>The publication day used to resolve relative dates: the input's day, or the one inferred from the text; null when only a month or year is known.</summary>
    public DateOnly? PublicationDay { get; set; }

    public List<Event> Events { get; } = [];
    /// <summary>How the subtype of each event was chosen, in the order of <see cref="Events"/>.</summary>
    public List<SubtypeChoice> SubtypeChoices { get; } = [];
    public List<CasualtyReport> CasualtyReports { get; } = [];
    public ResolvedDate? DateResolved { get; set; }
    /// <summary>Notes for the user (why a day could not be pinned, …).</summary>
    public List<string> Notes { get; } = [];
}

/// <summary>A fact read around an event word when its subtype was chosen ("actor1" = "state_forces", "target" = "civilians", "outcome" = "killed"), with the words that tell it.</summary>
public sealed record SubtypeFact(string Name, string Value, TextSpan? Span);

/// <summary>One subtype an event may take: the rule that proposes it, the rule's weight and the text that supports it.</summary>
public sealed record SubtypeCandidate(EventSubtype Subtype, string Rule, int Weight, IReadOnlyList<TextSpan> Evidence);

/// <summary>
/// How an event's subtype was chosen: every candidate with its evidence, the winner and the rule that made it win
/// (the candidate of highest weight; on equal weights the later one).
/// </summary>
public sealed class SubtypeChoice
{
    public List<SubtypeCandidate> Candidates { get; } = [];
    public EventSubtype Winner { get; private set; }
    public string Rule { get; private set; } = "";
    public int Weight { get; private set; } = int.MinValue;
    /// <summary>Events of another subtype told for the same incident that stay events of their own (ACLED codes both), with the rule that says so.</summary>
    public List<SubtypeCandidate> AlsoCoded { get; } = [];
    /// <summary>What the decision read: actors' kinds, the target, outcomes, the other event words of the sentence.</summary>
    public List<SubtypeFact> Facts { get; } = [];

    /// <summary>Adds a candidate; it wins when its weight is at least the current winner's.</summary>
    public void Propose(EventSubtype subtype, string rule, int weight, IReadOnlyList<TextSpan> evidence)
    {
        Candidates.Add(new SubtypeCandidate(subtype, rule, weight, evidence));
        if (weight < Weight) return;
        (Winner, Rule, Weight) = (subtype, rule, weight);
    }

    /// <summary>A copy, so that a mention merged into another event keeps its own record.</summary>
    public SubtypeChoice Copy()
    {
        var c = new SubtypeChoice { Winner = Winner, Rule = Rule, Weight = Weight };
        c.Candidates.AddRange(Candidates);
        c.AlsoCoded.AddRange(AlsoCoded);
        c.Facts.AddRange(Facts);
        return c;
    }
}
