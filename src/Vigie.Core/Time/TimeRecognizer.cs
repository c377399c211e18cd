using Vigie.Model;
using Vigie.Pipeline;
using Vigie.Text;

namespace Vigie.Time;

/// <summary>
/// Finds time expressions with the patterns of lang/xx/time.tsv, works out the publication day
/// (the input's day, else <see cref="PublicationDayInference"/>), and resolves every expression
/// against it. Assigns <see cref="TimeMention"/>s and sets <see cref="ExtractionResult.PublicationDay"/>,
/// <see cref="ExtractionResult.DateResolved"/> and a note when the day stays unknown. Numbers that are
/// part of a date ("du 7 au 8 septembre") are taken out of the number layer.
/// </summary>
public sealed class TimeRecognizer : IComponent
{
    public string Name => "time";
    public IReadOnlyList<Type> Requires => [typeof(Token), typeof(NumberMention)];
    /// <summary>Also the number layer, from which it takes the numbers that are part of a date.</summary>
    public IReadOnlyList<Type> Assigns => [typeof(TimeMention), typeof(ExtractionResult), typeof(NumberMention)];

    /// <summary>How far into the text a dateline may be (the head: title, byline, dateline, lead).</summary>
    private const int DatelineReach = 600;

    /// <summary>How close to the end a time stamp may be to count as the page's footer.</summary>
    private const int FooterReach = 400;

    /// <summary>At most this many words before a date on a dateline ("Corinto, Colombie | AFP |").</summary>
    private const int DatelineHeadWords = 8;

    /// <summary>
    /// The tokens the time rules read: the document's, with a hyphenated word of letters that ends in a month name ("mid-April",
    /// "mi-octobre", "early-March") in its three parts, as the rules write it ("mid -? {month}"); the tokenizer keeps it whole.
    /// The same list when there is none. Expressions keep character spans, so nothing outside this recognizer sees the split.
    /// </summary>
    private static List<Token> SplitMonthCompounds(List<Token> tokens, TimeWords words)
    {
        List<Token>? split = null;
        for (var i = 0; i < tokens.Count; i++)
        {
            var t = tokens[i];
            var h = t.Kind == TokenKind.Word ? t.Folded.IndexOf('-') : -1;
            if (h > 0 && t.Folded.Length == t.End - t.Start && t.Folded.IndexOf('-', h + 1) < 0
                && !t.Folded.AsSpan(0, h).ContainsAnyExcept(LowerLetters) && words.Months.ContainsKey(t.Folded[(h + 1)..]))
            {
                split ??= tokens.GetRange(0, i);
                split.Add(new Token(new TextSpan(t.Start, t.Start + h), TokenKind.Word, t.Folded[..h]));
                split.Add(new Token(new TextSpan(t.Start + h, t.Start + h + 1), TokenKind.Punct, "-"));
                split.Add(new Token(new TextSpan(t.Start + h + 1, t.End), TokenKind.Word, t.Folded[(h + 1)..]));
            }
            else split?.Add(t);
        }
        return split ?? tokens;
    }

    private static readonly System.Buffers.SearchValues<char> LowerLetters = System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyz");

    /// <summary>How many tokens after "since the start of" the date of that start may be.</summary>
    private const int SinceOpenReach = 15;

    public void Process(Document doc)
    {
        var numbers = doc.Layers.Get<NumberMention>();
        var rules = TimeRules.For(doc.Language);
        var tokens = SplitMonthCompounds(Tokens.AsList(doc.Layers.Get<Token>()), rules.Words);
        var expressions = new TimeMatcher(doc.Text, tokens, rules, numbers).MatchAll();
        LinkSinceOpen(doc.Text, tokens, expressions);
        foreach (var e in expressions) e.Dateline = DatelineOf(doc.Text, tokens, e);

        var result = ExtractionResult.For(doc);
        DateOnly? day = null;
        if (doc.Published is { } pub)
        {
            if (pub.Precision == DatePrecision.Day) day = pub.First;
            else
            {
                var inferred = PublicationDayInference.Infer(pub, expressions, UrlDates.Find(doc.Text));
                if (inferred.Day is { } d)
                {
                    day = d;
                    result.DateResolved = new ResolvedDate { Date = PartialDate.OfDay(d), Evidence = inferred.Evidence, Reason = inferred.Reason };
                }
                else result.Notes.Add($"publication day: {inferred.Reason}");
            }
        }
        else result.Notes.Add("publication day: the input gives no date; relative dates are left unresolved");
        result.PublicationDay = day;

        var resolver = new TimeResolver(day, doc.Published) { ConflictYear = ConflictYear(doc.Text, tokens, expressions, rules.Words) };
        var mentions = new List<TimeMention>(expressions.Count);
        foreach (var e in expressions) mentions.Add(resolver.Resolve(e));
        doc.Layers.Set(mentions);

        // the day and year numbers of dates are not quantities
        var dated = expressions.Where(e => e.Days.Count > 0 || e.Years.Count > 0).Select(e => e.Span).ToList();
        if (dated.Count > 0 && numbers.Count > 0)
            doc.Layers.Set(numbers.Where(n => n.Unit != null || !dated.Any(s => s.Contains(n.Span))).ToList());
    }

    /// <summary>
    /// "since the start of a major campaign on July 8": the start takes the day of the next date of its sentence;
    /// a start with no date there is dropped (its period is unknown).
    /// </summary>
    private static void LinkSinceOpen(string text, List<Token> tokens, List<TimeExpression> expressions)
    {
        for (var k = expressions.Count - 1; k >= 0; k--)
        {
            var e = expressions[k];
            if (e.Rule.Resolve != Resolution.SinceOpen) continue;
            TimeExpression? date = null;
            for (var j = k + 1; j < expressions.Count && expressions[j].FirstToken - e.EndToken <= SinceOpenReach; j++)
            {
                if (expressions[j].Rule.Resolve == Resolution.Date && expressions[j].Days.Count > 0) { date = expressions[j]; break; }
                if (expressions[j].Rule.Resolve != Resolution.None) break;
            }
            if (date != null && !SentenceEndsBetween(text, tokens, e.EndToken, date.FirstToken))
            {
                e.Days.AddRange(date.Days); e.Months.AddRange(date.Months); e.Years.AddRange(date.Years);
                e.Linked = date;
            }
            else expressions.RemoveAt(k);
        }
    }

    private static readonly Lazy<System.Collections.Frozen.FrozenSet<string>> BylineVerbs = new(() => Vigie.Lexicons.Languages.Union("byline_verb"));

    /// <summary>The date's line holds, before it, a verb of publishing then a byline word ("Rédigé par", "Posted by").</summary>
    private static bool AfterBylineVerb(string text, int at)
    {
        var lineStart = LineStart(text, at);
        var words = Vigie.Text.Fold.String(text.Substring(lineStart, at - lineStart)).Split([' ', '\t', ',', ':', '|'], StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i + 1 < words.Length; i++)
            if (BylineVerbs.Value.Contains(words[i]) && Bylines.Value.Contains(words[i + 1])) return true;
        return false;
    }

    /// <summary>The offset where the line holding offset <paramref name="at"/> starts.</summary>
    private static int LineStart(string text, int at)
    {
        var lineStart = text.LastIndexOf('\n', Math.Max(0, at - 1)) + 1;
        return lineStart > at ? 0 : lineStart;
    }

    private static bool SentenceEndsBetween(string text, List<Token> tokens, int from, int to)
    {
        for (var t = from; t < to && t < tokens.Count; t++)
        {
            if (tokens[t].Kind == TokenKind.Punct && tokens[t].Folded is "." or "!" or "?" or ";") return true;
            if (t > from && text.AsSpan(tokens[t - 1].End, tokens[t].Start - tokens[t - 1].End).Contains('\n')) return true;
        }
        return false;
    }

    private static readonly Lazy<System.Collections.Frozen.FrozenSet<string>> Bylines = new(() => Vigie.Lexicons.Languages.Union("byline"));

    /// <summary>Whether a date is the page's own date, and in which layout.</summary>
    internal static DatelineKind DatelineOf(string text, List<Token> tokens, TimeExpression e)
    {
        if (e.Rule.Resolve != Resolution.Date || e.Days.Count == 0 || e.Months.Count == 0) return DatelineKind.None;
        // "Publié le 12 septembre 2017", "Mis à jour le …": the page's own lines, wherever they are, but not "un rapport publié le …"
        if (e.Rule.Arg is "dateline" or "published" or "updated")
            return InsideSentence(text, tokens, e.FirstToken) ? DatelineKind.None : e.Rule.Arg == "updated" ? DatelineKind.Updated : DatelineKind.Published;
        // "6:32 AM PDT, September 4, 2005", "/Photo prise le 19 mai 2011/": a row written as a page stamp, on a line of its own
        if (e.Rule.Arg == "stamp" && !e.HasClock)
            return InsideSentence(text, tokens, e.FirstToken) ? DatelineKind.None : DatelineKind.Stamp;
        var inHead = e.Span.Start <= DatelineReach;
        // a full date with a clock time after a line start, a separator or a name: "Reuters • 09/11/2020 à 13:40"
        // (after a byline on its line too: "Rédigé par leral.net le Mercredi 13 Septembre 2023 à 00:39")
        if (e.HasClock && e.Years.Count > 0 && (inHead || e.Span.Start >= text.Length - FooterReach))
            return InsideSentence(text, tokens, e.FirstToken) && !AfterBylineVerb(text, e.Span.Start) ? DatelineKind.None : DatelineKind.Stamp;
        if (!inHead) return DatelineKind.None;
        var lineStart = LineStart(text, e.Span.Start);
        var head = text.AsSpan(lineStart, e.Span.Start - lineStart);
        // "by SaharaReporters, New York May 24, 2022": a byline word opens the names of a dateline
        var firstWord = head.TrimStart();
        var sp = firstWord.IndexOf(' ');
        if (sp > 0 && Bylines.Value.Contains(Vigie.Text.Fold.String(firstWord[..sp]))) head = firstWord[(sp + 1)..];
        var restOpens = RestOpens(text, e.Span.End);
        // "13:55pm, Wed 23 Jun 2021", "10h30 | 4 mars 2019": a clock time before the date on its line is part of the stamp
        if (head.Trim().Length > 0 && IsClockOnly(head)) head = [];
        if (head.Trim().Length == 0)
        {
            // a date alone opening a line: not one inside a sentence ("Le 14 avril, …"), and nothing but a time, an agency or a dash after it
            if (e.Literals.Count > 0 && tokens[e.FirstToken].Folded == e.Literals[0]) return DatelineKind.None;
            return restOpens is '\n' or '(' or '[' or '-' or '—' or '–' or ':' or '|' || (restOpens == ',' && e.Years.Count > 0) ? DatelineKind.Layout : DatelineKind.None;
        }
        // "BAMAKO, 12 sept", "MOSSOUL (Irak), 10 juillet": an upper-case place, then anything
        if (HeadIsCapitalised(head, allUpper: true, out _)) return DatelineKind.Layout;
        // "par Khalid Abdelaziz et Nafisa Eltahir KHARTOUM, 16 avril (Reuters) -": a byline run into the dateline on one line; the
        // upper-case place right before the date, then an agency or a dash, is the dateline's
        // (not "a annoncé la ministre BOUCHRA, 16 avril": a name after a lower-case word is inside a sentence)
        if (restOpens is '(' or '[' or '-' or '—' or '–' or '|' && UpperTail(head) is { Length: > 0 } tail && HeadIsCapitalised(tail, allUpper: true, out _)
            && tail.ToString().Count(char.IsLetter) >= 3 && !InsideSentence(text, tokens, Tokens.IndexAt(tokens, e.Span.Start - tail.Length)))
            return DatelineKind.Layout;
        // "GONDAR, Ethiopie, 9 novembre (Reuters) -", "Corinto, Colombie | AFP | mardi 10/06/2025 -", "By Jane Doe | March 4, 2019",
        // "Croix-des-Bouquets (Haïti), 20 août 2022 [AlterPresse] ---" (an agency in brackets, as in parentheses),
        // "Benghazi, 16 May 2014:": capitalised names only, then an agency, a dash or the end of the line (a comma or a colon after
        // a date with its year)
        var capitalised = HeadIsCapitalised(head, allUpper: false, out var words);
        if (capitalised && words <= DatelineHeadWords
            && (restOpens is '\n' or '(' or '[' or '-' or '—' or '–' or '|' || (restOpens is ',' or ':' && e.Years.Count > 0)))
            return DatelineKind.Layout;
        // "Gaza, Sep 21 Four employees were killed …": on the text's first line, a place or two and a comma, then the date and
        // the lead's first word at once (a wire's dateline whose agency tag was left out)
        if (capitalised && lineStart == 0 && words <= 3 && char.IsUpper(restOpens) && head.TrimEnd().EndsWith(',') && e.Literals.Count == 0)
            return DatelineKind.Layout;
        return DatelineKind.None;
    }

    /// <summary>
    /// A line's head that is only a clock time: digits around ':', '.' or 'h' ("13:55", "10h30", "9.15"), with "am"/"pm"
    /// (dotted or not) and a time zone of capitals, between separators.
    /// </summary>
    internal static bool IsClockOnly(ReadOnlySpan<char> head)
    {
        var i = 0;
        var clock = false;
        while (i < head.Length)
        {
            var c = head[i];
            if (char.IsWhiteSpace(c) || c is ',' or '|' or '-' or '–' or '—' or '/' or '•') { i++; continue; }
            if (char.IsDigit(c))
            {
                var j = i;
                while (j < head.Length && char.IsDigit(head[j])) j++;
                if (j - i > 2 || j >= head.Length || head[j] is not (':' or '.' or 'h' or 'H')) return false;
                var k = j + 1;
                var m = k;
                while (m < head.Length && char.IsDigit(head[m])) m++;
                if (m - k != 2 && !(head[j] is 'h' or 'H' && m == k)) return false;
                clock = true;
                i = m;
                continue;
            }
            if (!char.IsLetter(c) || !clock) return false;
            var w = i;
            while (w < head.Length && (char.IsLetter(head[w]) || head[w] == '.')) w++;
            var word = head[i..w].ToString().Replace(".", "", StringComparison.Ordinal);
            var zone = word.Length is >= 2 and <= 4 && word.All(char.IsUpper);
            if (!zone && !word.Equals("am", StringComparison.OrdinalIgnoreCase) && !word.Equals("pm", StringComparison.OrdinalIgnoreCase)) return false;
            i = w;
        }
        return clock;
    }

    /// <summary>The token follows a lower-case word or a comma on its line: it is inside a sentence.</summary>
    private static bool InsideSentence(string text, List<Token> tokens, int first)
    {
        if (first == 0) return false;
        var prev = tokens[first - 1];
        if (text.AsSpan(prev.End, tokens[first].Start - prev.End).Contains('\n')) return false;
        return prev.Kind == TokenKind.Word ? !char.IsUpper(text[prev.Start]) : prev.Folded is "," or ";";
    }

    /// <summary>
    /// The head of a dateline: words that all start with a capital (or are all capitals), between separators;
    /// a parenthesised part ("(Irak)") may be in any case.
    /// </summary>
    private static bool HeadIsCapitalised(ReadOnlySpan<char> head, bool allUpper, out int words)
    {
        words = 0;
        var depth = 0;
        var inWord = false;
        var letters = 0;
        foreach (var c in head)
        {
            if (c == '(') { depth++; inWord = false; continue; }
            if (c == ')') { depth = Math.Max(0, depth - 1); inWord = false; continue; }
            if (char.IsLetter(c))
            {
                letters++;
                if (depth > 0) continue;
                if (allUpper ? !char.IsUpper(c) : !inWord && !char.IsUpper(c)) return false;
                if (!inWord) words++;
                inWord = true;
                continue;
            }
            if (char.IsWhiteSpace(c) || c is ',' or '-' or '\'' or '’' or '.' or '/' or '|' or '•' or '·' or '—' or '–') { inWord = c is '-' or '\'' or '’' && inWord; continue; }
            return false;
        }
        return letters > 0;
    }

    /// <summary>The words at the end of a line's head after its last word with a lower-case letter ("… Nafisa Eltahir KHARTOUM, " →
    /// "KHARTOUM, "); empty when the last word has one.</summary>
    private static ReadOnlySpan<char> UpperTail(ReadOnlySpan<char> head)
    {
        var end = head.Length;
        var i = end;
        while (i > 0)
        {
            var j = i;
            while (j > 0 && !char.IsWhiteSpace(head[j - 1])) j--;
            var word = head[j..i];
            foreach (var c in word)
                if (char.IsLower(c)) return head[i..end];
            i = j;
            while (i > 0 && char.IsWhiteSpace(head[i - 1])) i--;
        }
        return head;
    }

    /// <summary>The first character after a date on its line, '\n' when the line ends there.</summary>
    private static char RestOpens(string text, int from)
    {
        for (var k = from; k < text.Length; k++)
        {
            var c = text[k];
            if (c == '\n') return '\n';
            if (!char.IsWhiteSpace(c)) return c;
        }
        return '\n';
    }

    /// <summary>The start year of the conflict: a year of a "déclenché en" / "depuis" expression in a sentence that names a conflict.</summary>
    private static int? ConflictYear(string text, List<Token> tokens, List<TimeExpression> expressions, TimeWords words)
    {
        foreach (var e in expressions)
        {
            if (e.Rule.Resolve != Resolution.ConflictYear || e.Years.Count == 0) continue;
            // look for a conflict noun within the neighbouring tokens of the same sentence
            var from = Math.Max(0, e.FirstToken - 12);
            var to = Math.Min(tokens.Count, e.EndToken + 12);
            for (var k = from; k < to; k++)
                if (words.ConflictNouns.Contains(tokens[k].Folded)) return e.Years[0];
        }
        return null;
    }
}
