using Vigie.Model;

namespace Vigie.Text;

public enum TokenKind { Word, Number, Punct, Symbol }

/// <summary>A token with its span and its folded form (lower case, no accents, straight apostrophes).</summary>
public readonly record struct Token(TextSpan Span, TokenKind Kind, string Folded)
{
    public int Start => Span.Start;
    public int End => Span.End;
}

/// <summary>A sentence: its span and the index range of its tokens.</summary>
public readonly record struct Sentence(TextSpan Span, int FirstToken, int TokenCount)
{
    public int EndToken => FirstToken + TokenCount;
}

/// <summary>A quoted passage ("…", « … ») kept as a span.</summary>
public readonly record struct Quote(TextSpan Span);
