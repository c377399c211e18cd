using Vigie.Model;

namespace Vigie.Cli;

/// <summary>Short renderings of model values for tables.</summary>
public static class Format
{
    public static string Date(DateRange? r) =>
        r == null ? "" : r.Start == r.End ? r.Start.ToString() : $"{r.Start}..{r.End}";

    /// <summary>ACLED's label of the event: its sub-event type ("Remote explosive/landmine/IED") when known, else its event type.</summary>
    public static string Type(Event e) =>
        e.Subtype is { } s ? Vigie.Export.AcledVocabulary.SubEventType(s) : Vigie.Export.AcledVocabulary.EventType(e.Type);

    /// <summary>"12" when all claims agree, "8/12/15" (low/best/high) when they differ, "" when no source gives a figure.</summary>
    public static string Fatalities(int? low, int? best, int? high) =>
        best is not { } b ? "" : low == high ? b.ToString(System.Globalization.CultureInfo.InvariantCulture) : $"{low}/{b}/{high}";
}
