using System.Runtime.InteropServices;
using Vigie.Model;

namespace Vigie.Text;

public enum TokenKind { Word, Number, Punct, Symbol }

/// <summary>A token with its span and its folded form (lower case, no accents, straight apostrophes).</summary>
public readonly record struct Token(TextSpan Span, TokenKind Kind, string Folded)
{
    public int Start => Span.Start;
    public int End => Span.End;
}

/// <summary>
/// The token list the tokenizer makes: a <see cref="List{T}"/> that also keeps the word ids of its tokens once a
/// matcher asked for them (see <see cref="WordIds.IdsOf"/>), so that every finder of the document reads the same array.
/// </summary>
public sealed class TokenList : List<Token>
{
    public TokenList() { }
    public TokenList(int capacity) : base(capacity) { }

    /// <summary>The word ids of the tokens and the vocabulary version they were read at (the tokenizer reads them as it
    /// folds the words); null until known.</summary>
    internal int[]? Ids;
    internal int IdsVersion;
}

public static class Tokens
{
    /// <summary>The token layer as the concrete list it is (the tokenizer's <see cref="TokenList"/>), so that a reader's
    /// indexer calls are direct, not through the interface; a copy for any other list.</summary>
    public static List<Token> AsList(IReadOnlyList<Token> tokens) => tokens as List<Token> ?? [.. tokens];

    /// <summary>Index of the first token ending after <paramref name="offset"/> (the token count when there is none).</summary>
    public static int IndexAt(IReadOnlyList<Token> tokens, int offset)
    {
        if (tokens is List<Token> list) return IndexAt(CollectionsMarshal.AsSpan(list), offset);
        int lo = 0, hi = tokens.Count - 1, ans = tokens.Count;
        while (lo <= hi)
        {
            var mid = (lo + hi) >> 1;
            if (tokens[mid].End > offset) { ans = mid; hi = mid - 1; }
            else lo = mid + 1;
        }
        return ans;
    }

    /// <summary>Index of the first token ending after <paramref name="offset"/> (the token count when there is none).</summary>
    public static int IndexAt(ReadOnlySpan<Token> tokens, int offset)
    {
        int lo = 0, hi = tokens.Length - 1, ans = tokens.Length;
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
