using System.Globalization;
using System.Text;
using Vigie.Model;

namespace Vigie.Fusion;

/// <summary>
/// Casualty reports (period and conflict totals) are never added to events; they are kept per source.
/// Two reports are the same when the same source gives the same figures for the same scope, period and
/// area: this key says so (folded names, figures in a fixed order).
/// </summary>
public static class ReportKey
{
    public static string Of(CasualtyReport r)
    {
        var sb = new StringBuilder();
        sb.Append(SourceReliability.Key(r.Source ?? "")).Append('|').Append(r.Scope).Append('|');
        if (r.Period != null) sb.Append(r.Period.Start).Append("..").Append(r.Period.End);
        sb.Append('|').Append(SourceReliability.Key(r.Area?.Name ?? "")).Append('/').Append(r.Area?.Country);
        foreach (var f in r.Figures
            .Select(f => string.Create(CultureInfo.InvariantCulture, $"{f.Outcome}:{f.Group}:{SourceReliability.Key(f.NamedGroup ?? "")}:{f.Count}:{f.Bound}:{f.Low}:{f.High}"))
            .Order(StringComparer.Ordinal))
            sb.Append('|').Append(f);
        return sb.ToString();
    }

    /// <summary>
    /// A 64-bit digest of a key (the first eight bytes of its UTF-8 SHA-256), the same in every process: a store looks
    /// reports up by it, an index of eight-byte numbers a sixth the size of one over the keys' text. Two keys may share
    /// it, so a look-up compares the key itself as well.
    /// </summary>
    public static long Hash(string key)
    {
        Span<byte> digest = stackalloc byte[32];
        System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(key), digest);
        return System.Buffers.Binary.BinaryPrimitives.ReadInt64LittleEndian(digest);
    }
}
