using System.Collections.Frozen;
using Vigie.Lexicons;
using Vigie.Model;
using Vigie.Pipeline;

namespace Vigie.Text.Analysis;

/// <summary>
/// Splits the text into word, number and punctuation tokens with offsets, and into sentences.
/// Elisions of the language packs are split after the apostrophe ("l'Observatoire" → "l'" + "Observatoire");
/// hyphenated words stay whole ("quatre-vingt-dix", "al-Aswad"); quoted passages become <see cref="Quote"/> spans.
/// </summary>
public sealed class Tokenizer : IComponent
{
    public string Name => "tokenizer";
    public IReadOnlyList<Type> Requires => [];
    public IReadOnlyList<Type> Assigns => [typeof(Token), typeof(Sentence), typeof(Quote)];

    // Tokenizing comes before the language is known: the words of every pack's language.tsv count.
    // Folded abbreviations after which a period does not end a sentence.
    private static readonly Lazy<FrozenSet<string>> Abbreviations = new(() => Languages.Union("abbreviation"));

    // Folded month abbreviations of datelines ("Aug. 18"): before a day number a period after them does not end a sentence.
    private static readonly Lazy<FrozenSet<string>> MonthAbbreviations = new(() => Languages.Union("month_abbreviation"));

    // Elided words split after their apostrophe ("l'", "qu'").
    private static readonly Lazy<FrozenSet<string>> Elisions = new(() => Languages.Union("elision"));

    public void Process(Document doc)
    {
        var tokens = Tokenize(doc.Text);
        doc.Layers.Set(tokens);
        doc.Layers.Set(SplitSentences(doc.Text, tokens));
        doc.Layers.Set(FindQuotes(doc.Text));
    }

    public static bool IsApostrophe(char c) => c is '\'' or '\u2019' or '\u02BC';
    private static bool IsWordChar(char c) => char.IsLetter(c) || char.IsDigit(c) || c == '_' || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.NonSpacingMark;
    private static bool IsHyphen(char c) => c is '-' or '\u2010' or '\u2011';

    public static List<Token> Tokenize(string text)
    {
        // a token every 4.9 characters on average (the benchmark corpus): a quarter of the length holds most texts' tokens
        // without growing the list (a fifth made half the texts copy it, and their ids, once more)
        var tokens = new TokenList(text.Length / 4 + 8);
        // each token's vocabulary id, read while its word is folded: the finders' matchers then need no pass of their own
        var version = WordIds.Version;
        var words = WordIds.Table;
        var ids = new int[tokens.Capacity];
        var i = 0;
        var n = text.Length;
        while (i < n)
        {
            if (tokens.Count == ids.Length) Array.Resize(ref ids, ids.Length * 2);
            var c = text[i];
            if (char.IsWhiteSpace(c)) { i++; continue; }
            var start = i;
            if (char.IsDigit(c))
            {
                while (i < n && char.IsDigit(text[i])) i++;
                // keep "1er", "2e" style ordinals and "2011" as numbers; letters glued after digits form the same token
                var kind = TokenKind.Number;
                if (i < n && char.IsLetter(text[i]))
                {
                    while (i < n && char.IsLetter(text[i])) i++;
                    kind = TokenKind.Word;
                }
                tokens.Add(new Token(new TextSpan(start, i), kind, FoldWord(words, text.AsSpan(start, i - start), out ids[tokens.Count])));
                continue;
            }
            if (char.IsLetter(c))
            {
                while (i < n)
                {
                    if (IsWordChar(text[i])) { i++; continue; }
                    // a hyphen inside a word ("al-Aswad", "quatre-vingt") keeps going when a letter follows
                    if (IsHyphen(text[i]) && i + 1 < n && char.IsLetter(text[i + 1])) { i++; continue; }
                    break;
                }
                // elision: the elision words of the language packs
                if (i < n && IsApostrophe(text[i]) && i + 1 < n && char.IsLetter(text[i + 1]) && i - start <= 7)
                {
                    var word = Fold.String(text.AsSpan(start, i - start));
                    if (Elisions.Value.Contains(word))
                    {
                        i++;
                        var elided = word + "'";
                        words.Find(elided, WordTable.Hash(elided), out ids[tokens.Count]);
                        tokens.Add(new Token(new TextSpan(start, i), TokenKind.Word, elided));
                        continue;
                    }
                }
                tokens.Add(new Token(new TextSpan(start, i), TokenKind.Word, FoldWord(words, text.AsSpan(start, i - start), out ids[tokens.Count])));
                continue;
            }
            i++;
            var k = char.IsPunctuation(c) ? TokenKind.Punct : TokenKind.Symbol;
            // a mark the vocabulary knows ("," ".") is its string: no new one-character string per punctuation token
            var f = Fold.Char(c);
            var one = new ReadOnlySpan<char>(in f);
            var folded = words.Find(one, WordTable.Hash(one), out ids[tokens.Count]) ?? f.ToString();
            tokens.Add(new Token(new TextSpan(start, i), k, folded));
        }
        if (ids.Length != tokens.Count) Array.Resize(ref ids, tokens.Count);
        tokens.Ids = ids;
        tokens.IdsVersion = version;
        return tokens;
    }

    /// <summary>
    /// <see cref="Fold.String"/> of a word, and its vocabulary id (-1 when no lexicon has it): a word the vocabulary
    /// knows is the vocabulary's string, so that it costs no new string; another one is made as Fold.String makes it.
    /// </summary>
    private static string FoldWord(WordTable words, ReadOnlySpan<char> s, out int id)
    {
        var folded = s.Length <= 256 ? stackalloc char[s.Length] : new char[s.Length];
        var changed = false;
        var hash = WordTable.Seed;
        for (var k = 0; k < s.Length; k++)
        {
            var f = Fold.Char(s[k]);
            folded[k] = f;
            changed |= f != s[k];
            hash = WordTable.Step(hash, f);
        }
        if (words.Find(folded, hash, out id) is { } word) return word;
        return changed ? new string(folded) : s.ToString();
    }

    public static List<Sentence> SplitSentences(string text, List<Token> tokens)
    {
        var sentences = new List<Sentence>();
        var first = 0;
        for (var t = 0; t < tokens.Count; t++)
        {
            var tok = tokens[t];
            var isLast = t == tokens.Count - 1;
            var end = false;
            if (isLast) end = true;
            else
            {
                var next = tokens[t + 1];
                var gap = text.AsSpan(tok.End, next.Start - tok.End);
                if (gap.Contains('\n')) end = true;
                else if (tok.Kind == TokenKind.Punct && tok.Folded is "." or "!" or "?" or "…")
                {
                    var prev = t > first ? tokens[t - 1] : default;
                    var abbrev = tok.Folded == "." && t > first && prev.End == tok.Start && prev.Kind == TokenKind.Word
                                 && (Abbreviations.Value.Contains(prev.Folded) || (prev.Span.Length == 1 && char.IsUpper(text[prev.Start])));
                    // the next token starts a sentence when it begins with a capital, a digit or an opening quote
                    var nextChar = text[next.Start];
                    abbrev |= tok.Folded == "." && t > first && prev.End == tok.Start && MonthAbbreviations.Value.Contains(prev.Folded) && char.IsDigit(nextChar);
                    var opens = char.IsUpper(nextChar) || char.IsDigit(nextChar) || nextChar is '"' or '«' or '“' or '(' or '#' or '-' or '—';
                    // "… soldats israéliens.Obtenir le droit …": scraped text that lost the space after a full stop still ends a
                    // sentence when a lower-case word ends before it and a capitalised word starts after it
                    var glued = gap.Length == 0 && tok.Folded == "." && t > first && prev.Kind == TokenKind.Word && prev.Span.Length >= 3
                                && char.IsLower(text[prev.End - 1]) && next.Kind == TokenKind.Word && next.Span.Length >= 2
                                && char.IsUpper(nextChar) && char.IsLower(text[next.Start + 1]);
                    end = !abbrev && (gap.Length > 0 || glued) && opens;
                }
            }
            if (end)
            {
                sentences.Add(new Sentence(new TextSpan(tokens[first].Start, tok.End), first, t - first + 1));
                first = t + 1;
            }
        }
        return sentences;
    }

    public static List<Quote> FindQuotes(string text)
    {
        var quotes = new List<Quote>();
        // linear in the text: the end of the current paragraph is found once, and a closer that is
        // missing from the rest of a paragraph is not searched for again in that paragraph
        var paraEnd = -1;
        Span<int> missingUntil = [-1, -1, -1];
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            var kind = c switch { '«' => 0, '“' => 1, '"' => 2, _ => -1 };
            if (kind < 0) { i++; continue; }
            if (paraEnd <= i)
            {
                paraEnd = text.IndexOf('\n', i + 1);
                if (paraEnd < 0) paraEnd = text.Length;
            }
            // a quote does not run past a paragraph
            var j = missingUntil[kind] == paraEnd ? -1 : text.IndexOf("»”\""[kind], i + 1, paraEnd - i - 1);
            if (j < 0) { missingUntil[kind] = paraEnd; i++; continue; }
            quotes.Add(new Quote(new TextSpan(i, j + 1)));
            i = j + 1;
        }
        return quotes;
    }
}
