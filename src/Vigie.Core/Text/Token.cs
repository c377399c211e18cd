using Vigie.Model;

namespace Vigie.Text;

public enum TokenKind { Word, Number, Punct, Symbol }

/// <summary>A token with its span and its folded form (lower case, no accents, straight apostrophes).</summary>
public readonly record struct Token(TextSpan Span, TokenKind Kind, string Folded)
{
    public int Start => Span.Start;
    public int End => Span.End;
}

public static class Tokens
{
    /// <summary>Index of the first token ending after <paramref name="offset"/> (the token count when there is none).</summary>
    public static int IndexAt(IReadOnlyList<Token> tokens, int offset)
    {
        int lo = 0, hi = tokens.Count - 1, ans = tokens.Count;
        while (lo <= hi)
        {
            var mid = (lo + hi) >> 1;
            if (tokens[mid].End > offset) { ans = mid; hi = mid - 1; }
            else lo = mid + 1;
        }
        return ans;
    }
}

/// <summary>A sentence: its span and the index range of its tokens.</summary>
public readonly record struct Sentence(TextSpan Span, int FirstToken, int TokenCount)
{
    public int EndToken => FirstToken + TokenCount;
}

/// <summary>A quoted passage ("…", « … ») kept as a span.</summary>
public readonly record struct Quote(TextSpan Span);
