using System.Collections.Concurrent;
using System.Text.Json;

namespace Vigie.Storage;

/// <summary>Enum values as the store writes them: the snake_case names of the JSON format.</summary>
public static class Names
{
    private static readonly ConcurrentDictionary<Enum, string> Cache = new();

    public static string Of<T>(T value) where T : struct, Enum =>
        Cache.GetOrAdd(value, v => JsonNamingPolicy.SnakeCaseLower.ConvertName(v.ToString()));

    public static bool TryParse<T>(string? name, out T value) where T : struct, Enum
    {
        value = default;
        if (string.IsNullOrWhiteSpace(name)) return false;
        var compact = name.Replace("_", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal).Replace("/", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal);
        return Enum.TryParse(compact, ignoreCase: true, out value) && Enum.IsDefined(value);
    }
}
