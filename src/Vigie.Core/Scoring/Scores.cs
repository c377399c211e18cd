using System.Text.Json.Serialization;

namespace Vigie.Scoring;

/// <summary>Counts of a matching task with precision, recall and F1 (null when undefined: nothing found, nothing to find).</summary>
public sealed class Prf
{
    public int Tp { get; set; }
    public int Fp { get; set; }
    public int Fn { get; set; }

    public double? Precision => Tp + Fp == 0 ? null : (double)Tp / (Tp + Fp);
    public double? Recall => Tp + Fn == 0 ? null : (double)Tp / (Tp + Fn);
    public double? F1 => Tp + Fp + Fn == 0 ? null : 2.0 * Tp / (2.0 * Tp + Fp + Fn);

    public void Add(Prf o) { Tp += o.Tp; Fp += o.Fp; Fn += o.Fn; }
}

/// <summary>A share: hits among a total (null when the total is zero).</summary>
public sealed class Ratio
{
    public int Hits { get; set; }
    public int Total { get; set; }
    public double? Value => Total == 0 ? null : (double)Hits / Total;

    public void Count(bool hit) { Total++; if (hit) Hits++; }
    public void Add(Ratio o) { Hits += o.Hits; Total += o.Total; }
}

/// <summary>Every figure of the scoring rules, summed over documents (micro-averaged).</summary>
public sealed class Scores
{
    public int Documents { get; set; }

    /// <summary>Events over non-optional gold events.</summary>
    public Prf Events { get; set; } = new();
    /// <summary>Found events matched to optional gold events: neither true nor false positives.</summary>
    public int OptionalMatched { get; set; }
    /// <summary>Among matched pairs: same subtype.</summary>
    public Ratio Subtype { get; set; } = new();
    /// <summary>Among matched pairs, two slots each (actor1, actor2): same kind, or both without one.</summary>
    public Ratio ActorKind { get; set; } = new();
    /// <summary>Among matched pairs whose gold location has coordinates: found coordinates within 25 km.</summary>
    public Ratio LocationWithin25Km { get; set; } = new();
    /// <summary>Among matched pairs: same fatalities (both null counts as equal).</summary>
    public Ratio Fatalities { get; set; } = new();

    /// <summary>Casualty figures (outcome, group, count), pooled per document.</summary>
    public Prf Figures { get; set; } = new();
    public Ratio FigureSource { get; set; } = new();
    public Ratio FigureBound { get; set; } = new();

    /// <summary>Gold documents with a resolved publication date whose date is found exactly.</summary>
    public Ratio DateResolved { get; set; } = new();
    /// <summary>Resolved dates emitted where gold has none (and that differ from the input's date).</summary>
    public int FalseDateResolved { get; set; }

    /// <summary>Events per subtype (snake_case name): a matched pair of the same subtype is a true positive; a found event
    /// unmatched, or matched with another subtype, a false positive of its subtype; a non-optional gold event missed, or
    /// matched with another subtype, a false negative of its subtype. Found events matched to optional gold ones count nowhere.</summary>
    public SortedDictionary<string, Prf> PerSubtype { get; set; } = new(StringComparer.Ordinal);

    public Prf SubtypeTally(string subtype) => PerSubtype.TryGetValue(subtype, out var p) ? p : PerSubtype[subtype] = new Prf();

    public void Add(Scores o)
    {
        Documents += o.Documents;
        Events.Add(o.Events);
        OptionalMatched += o.OptionalMatched;
        Subtype.Add(o.Subtype);
        ActorKind.Add(o.ActorKind);
        LocationWithin25Km.Add(o.LocationWithin25Km);
        Fatalities.Add(o.Fatalities);
        Figures.Add(o.Figures);
        FigureSource.Add(o.FigureSource);
        FigureBound.Add(o.FigureBound);
        DateResolved.Add(o.DateResolved);
        FalseDateResolved += o.FalseDateResolved;
        foreach (var (k, v) in o.PerSubtype) SubtypeTally(k).Add(v);
    }
}

[JsonConverter(typeof(JsonStringEnumConverter<FindingKind>))]
public enum FindingKind
{
    MissedEvent,
    FalseEvent,
    SubtypeDiffers,
    ActorKindDiffers,
    LocationNotWithin25Km,
    FatalitiesDiffer,
    MissedFigure,
    FalseFigure,
    SourceDiffers,
    BoundDiffers,
    DateResolvedMissed,
    DateResolvedFalse,
}

/// <summary>One thing to look at: a miss, a false positive or a wrong value, with the sentence it comes from.</summary>
public sealed record Finding(FindingKind Kind, string What, string? Evidence);

public sealed class DocumentScore
{
    public required string Id { get; init; }
    public string? Lang { get; init; }
    public Scores Scores { get; init; } = new();
    public List<Finding> Findings { get; init; } = [];
}

public sealed class EvaluationResult
{
    public Scores Overall { get; init; } = new();
    /// <summary>Per gold language (its code; "?" when the gold line has none).</summary>
    public SortedDictionary<string, Scores> ByLanguage { get; init; } = new(StringComparer.Ordinal);
    public List<DocumentScore> Documents { get; init; } = [];
    /// <summary>Problems met while scoring (a gold document the system file lacks, …).</summary>
    public List<string> Warnings { get; init; } = [];
}
