using Vigie.Model;

namespace Vigie.Text;

/// <summary>
/// Groups the mentions of a layer by the sentence their span starts in, keeping the layer's order inside each
/// group. A component that looks for mentions of the same sentence reads one group instead of the whole layer,
/// so its time stays linear in the length of the document.
/// </summary>
public static class SentenceBuckets
{
    public static List<T>[] Of<T>(IReadOnlyList<T> items, Func<T, TextSpan> span, IReadOnlyList<Sentence> sentences)
    {
        var buckets = new List<T>[sentences.Count];
        for (var i = 0; i < buckets.Length; i++) buckets[i] = [];
        var last = 0;
        foreach (var item in items)
        {
            var start = span(item).Start;
            // layers are in text order, so the sentence of the previous item is the usual answer
            var s = last < sentences.Count && sentences[last].Span.Start <= start && start < sentences[last].Span.End ? last : IndexAt(sentences, start);
            if (s < 0) continue;
            buckets[s].Add(item);
            last = s;
        }
        return buckets;
    }

    /// <summary>The sentence whose span holds <paramref name="offset"/>, -1 when none does.</summary>
    public static int IndexAt(IReadOnlyList<Sentence> sentences, int offset)
    {
        int lo = 0, hi = sentences.Count - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >> 1;
            var sp = sentences[mid].Span;
            if (offset < sp.Start) hi = mid - 1;
            else if (offset >= sp.End) lo = mid + 1;
            else return mid;
        }
        return -1;
    }
}
