using Vigie.Model;

namespace Vigie.Extraction.Assembly;

/// <summary>
/// Optional diagnostics of the event assembly. Put one in a document's layers
/// (<c>doc.Layers.SetOne(new EventGates())</c>) before running the pipeline and the
/// <see cref="EventAssembler"/> notes, for each trigger mention, the gate that would keep it from
/// being an event of its own (no place, no time, hedged, …). Without one, nothing is recorded.
/// </summary>
public sealed class EventGates
{
    /// <summary>The trigger's span and the gate, in the order the assembly met them.</summary>
    public List<(TextSpan Trigger, string Gate)> Entries { get; } = [];

    public void Add(TextSpan trigger, string gate) => Entries.Add((trigger, gate));

    /// <summary>The gates noted for triggers inside the span, distinct, in order.</summary>
    public IReadOnlyList<string> Within(TextSpan span) =>
        Entries.Where(e => span.Contains(e.Trigger)).Select(e => e.Gate).Distinct().ToList();
}
