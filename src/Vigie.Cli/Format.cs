using Vigie.Model;

namespace Vigie.Cli;

/// <summary>Short renderings of model values for tables.</summary>
public static class Format
{
    public static string Date(DateRange? r) =>
        r == null ? "" : r.Start == r.End ? r.Start.ToString() : $"{r.Start}..{r.End}";

    public static string Type(Event e) => e.Subtype is { } s ? $"{e.Type}/{s}" : e.Type.ToString();
}
