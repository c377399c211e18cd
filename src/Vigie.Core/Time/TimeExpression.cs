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
    /// <summary>A clock time follows the date ("09/11/2020 à 13:40"): a page's time stamp.</summary>
    public bool HasClock { get; set; }
    /// <summary>For "since the start of …": the date of the sentence that gives the start.</summary>
    public TimeExpression? Linked { get; set; }
    /// <summary>What kind of publication clue the date is, if any (set by <see cref="TimeRecognizer"/>).</summary>
    public DatelineKind Dateline { get; set; }
    public bool IsDateline => Dateline != DatelineKind.None;
}

/// <summary>The layouts in which a page states its own date.</summary>
public enum DatelineKind
{
    None,
    /// <summary>A date opening a line of the text's head, alone or after a place, agency or byline ("BAMAKO, 12 sept (AFP)", "Corinto, Colombie | AFP | mardi 10/06/2025 -").</summary>
    Layout,
    /// <summary>A full date with a clock time, not inside a sentence ("Reuters • 09/11/2020 à 13:40").</summary>
    Stamp,
    /// <summary>"Mis à jour le 4 mars 2019", "Updated: March 4, 2019": the day of the last change.</summary>
    Updated,
    /// <summary>"Publié le 3 mars 2019", "Published: March 4, 2019": the page's publication line.</summary>
    Published,
}
