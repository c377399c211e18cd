using Vigie.Model;

namespace Vigie.Time;

/// <summary>A time expression as matched, with the values of its slots, before it is resolved to dates.</summary>
public sealed class TimeExpression
{
    public required TimeRule Rule { get; init; }
    public required TextSpan Span { get; init; }
    public int FirstToken { get; init; }
    public int EndToken { get; init; }
    public List<int> Weekdays { get; } = [];
    public List<int> Days { get; } = [];
    public List<int> Months { get; } = [];
    public List<int> Years { get; } = [];
    public List<long> Numbers { get; } = [];
    /// <summary>Units in days (7 a week, 30 a month, 365 a year, 0 hours).</summary>
    public List<int> Units { get; } = [];
    /// <summary>Literal tokens matched, folded ("dernier", "depuis").</summary>
    public List<string> Literals { get; } = [];
    /// <summary>A date that opens a line of the text's head ("29 septembre 2017", "BAMAKO, 12 sept"): the dateline.</summary>
    public bool IsDateline { get; set; }
}
