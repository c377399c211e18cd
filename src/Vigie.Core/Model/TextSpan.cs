namespace Vigie.Model;

/// <summary>A half-open range [Start, End) of UTF-16 code units into a document's text.</summary>
public readonly record struct TextSpan(int Start, int End) : IComparable<TextSpan>
{
    public int Length => End - Start;

    public bool IsValidFor(string text) => Start >= 0 && End >= Start && End <= text.Length;

    public bool Contains(TextSpan other) => other.Start >= Start && other.End <= End;

    public bool Overlaps(TextSpan other) => Start < other.End && other.Start < End;

    /// <summary>Characters between this span and <paramref name="other"/>, on either side of it; 0 when they overlap or touch.</summary>
    public int GapTo(TextSpan other) => other.Start >= End ? other.Start - End : other.End <= Start ? Start - other.End : 0;

    public string Of(string text) => text.Substring(Start, End - Start);

    public static TextSpan Cover(TextSpan a, TextSpan b) => new(Math.Min(a.Start, b.Start), Math.Max(a.End, b.End));

    public int CompareTo(TextSpan other) => Start != other.Start ? Start.CompareTo(other.Start) : End.CompareTo(other.End);

    public override string ToString() => $"[{Start}, {End})";
}
