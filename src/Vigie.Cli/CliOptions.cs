using System.CommandLine;
using System.CommandLine.Parsing;
using Vigie.Model;

namespace Vigie.Cli;

/// <summary>Option builders shared by several commands, so that the same option reads the same everywhere.</summary>
public static class CliOptions
{
    /// <summary>A date option (YYYY, YYYY-MM or YYYY-MM-DD); a malformed value is a usage error.</summary>
    public static Option<PartialDate?> Date(string name, string description) => new(name)
    {
        Description = description,
        HelpName = "YYYY[-MM[-DD]]",
        CustomParser = ParseDate,
    };

    private static PartialDate? ParseDate(ArgumentResult result)
    {
        if (result.Tokens.Count == 0) return null;
        var text = result.Tokens[0].Value;
        if (PartialDate.TryParse(text, out var d)) return d;
        result.AddError($"'{text}' is not a date: use YYYY, YYYY-MM or YYYY-MM-DD");
        return null;
    }

    /// <summary>--max-document-size: a longer text is split at paragraph ends (characters, or with K/M).</summary>
    public static Option<int> MaxDocumentSize() => new("--max-document-size")
    {
        Description = "Longest text of one document; a longer one is split at paragraph ends into parts, each a document (ID.part1, ID.part2…). Characters, or with K or M: 500K, 2M",
        HelpName = "SIZE",
        DefaultValueFactory = _ => Vigie.Readers.ReaderOptions.DefaultMaxDocumentChars,
        CustomParser = ParseSize,
    };

    private static int ParseSize(ArgumentResult result)
    {
        if (result.Tokens.Count == 0) return Vigie.Readers.ReaderOptions.DefaultMaxDocumentChars;
        var text = result.Tokens[0].Value;
        if (Vigie.Readers.DocumentSplitter.TryParseSize(text, out var n) && n >= 1024) return n;
        result.AddError($"--max-document-size '{text}' is not a size of at least 1K: write a number of characters, or 500K, 2M");
        return 0;
    }

    /// <summary>A duration option: a number and a unit, ms, s, m or h ("500ms", "30s", "5m", "1h"); the default is shown as written.</summary>
    public static DurationOption Duration(string name, string description, string @default)
    {
        if (!TryParseDuration(@default, out var fallback)) throw new ArgumentException("bad default duration " + @default, nameof(@default));
        var option = new Option<TimeSpan?>(name)
        {
            Description = $"{description} [default: {@default}]",
            HelpName = "DURATION",
            CustomParser = r =>
            {
                var text = r.Tokens.Count == 0 ? "" : r.Tokens[0].Value;
                if (TryParseDuration(text, out var d) && d > TimeSpan.Zero) return d;
                r.AddError($"{name} '{text}' is not a duration: write a number and a unit, e.g. 500ms, 30s, 5m, 1h");
                return null;
            },
        };
        return new DurationOption(option, fallback);
    }

    public static bool TryParseDuration(string text, out TimeSpan value)
    {
        value = default;
        text = text.Trim();
        var unit = text.EndsWith("ms", StringComparison.OrdinalIgnoreCase) ? "ms" : text.Length > 0 ? text[^1..].ToLowerInvariant() : "";
        var digits = text[..^Math.Min(text.Length, unit.Length)];
        if (!double.TryParse(digits, System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out var n)) return false;
        double ms;
        switch (unit)
        {
            case "ms": ms = n; break;
            case "s": ms = n * 1000; break;
            case "m": ms = n * 60_000; break;
            case "h": ms = n * 3_600_000; break;
            default: return false;
        }
        if (ms > TimeSpan.FromDays(30).TotalMilliseconds) return false;
        value = TimeSpan.FromMilliseconds(ms);
        return true;
    }

    /// <summary>A choice among fixed words; anything else is a usage error listing the choices.</summary>
    public static Option<string> Choice(string name, string description, string @default, params string[] choices)
    {
        var o = new Option<string>(name)
        {
            Description = description,
            DefaultValueFactory = _ => @default,
        };
        o.AcceptOnlyFromAmong(choices);
        return o;
    }

    /// <summary>Makes "--unknown" given where paths are expected a usage error instead of a missing file.</summary>
    public static void RejectOptionLikeValues(Argument<string[]> argument) =>
        argument.Validators.Add(result =>
        {
            foreach (var t in result.Tokens)
                if (t.Value.Length > 1 && t.Value[0] == '-')
                    result.AddError($"unknown option '{t.Value}'");
        });
}

/// <summary>A duration option and the value it takes when absent.</summary>
public sealed record DurationOption(Option<TimeSpan?> Option, TimeSpan Default)
{
    public TimeSpan Get(ParseResult parse) => parse.GetValue(Option) ?? Default;
}
