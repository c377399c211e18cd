using Vigie.Model;

namespace Vigie.Fusion;

/// <summary>
/// One document's report of one event: the extracted event as that document tells it.
/// <see cref="Key"/> identifies the mention whatever the order of ingest (content hash of the
/// document and the event's rank in it), so fusion never depends on arrival order.
/// </summary>
public sealed class FusionMention
{
    public required string Key { get; init; }
    public required Event Event { get; init; }
    /// <summary>The document's stable id (its content hash) and its id as given by the input.</summary>
    public required string DocumentHash { get; init; }
    public string? DocumentId { get; init; }
    /// <summary>Who makes the claim: the event's first named source, else the document's outlet, else null.</summary>
    public string? Source { get; init; }
    /// <summary>Publication date of the document (used to order sources when claims tie).</summary>
    public PartialDate? Published { get; init; }

    /// <summary>The claim's source: the first source the text names for the event, else the outlet that published it.</summary>
    public static string? SourceOf(Event e, string? outlet) =>
        e.Sources.FirstOrDefault(s => !string.IsNullOrWhiteSpace(s)) ?? (string.IsNullOrWhiteSpace(outlet) ? null : outlet);
}

/// <summary>One source's fatality figure for an event.</summary>
public sealed record FatalityClaim(string? Source, int Count, int Reliability, string MentionKey);

/// <summary>UCDP-style fatality estimate over the claims of an event's sources.</summary>
public sealed record FatalityEstimate(int Low, int Best, int High, IReadOnlyList<FatalityClaim> Claims)
{
    /// <summary>
    /// low = the lowest claim, high = the highest, best = the claim of the most reliable source
    /// (when several sources share the top reliability: the median of their claims, the lower one
    /// of the two middle values for an even count). Null when no source gives a figure.
    /// </summary>
    public static FatalityEstimate? Of(IEnumerable<FatalityClaim> claims)
    {
        var list = claims.OrderBy(c => c.Count).ThenBy(c => c.MentionKey, StringComparer.Ordinal).ToList();
        if (list.Count == 0) return null;
        var top = list.Max(c => c.Reliability);
        var best = list.Where(c => c.Reliability == top).Select(c => c.Count).ToList(); // sorted ascending
        return new FatalityEstimate(list[0].Count, best[(best.Count - 1) / 2], list[^1].Count, list);
    }
}
