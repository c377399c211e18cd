using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using Vigie.Model;
using Vigie.Storage;

namespace Vigie.Cli;

/// <summary>The event filters shared by `events`, `stats` and `export`: add them to a command, read them back as an <see cref="EventFilter"/>.</summary>
public sealed class EventFilterOptions
{
    public Option<string?> Country { get; } = new("--country")
    {
        Description = "Only events in this country: ISO 3166 code (SY, IQ, ML…) or name (Syria, Syrie)",
        HelpName = "CC",
        CustomParser = r =>
        {
            if (r.Tokens.Count == 0) return null;
            if (Storage.CountryFilter.TryParse(r.Tokens[0].Value, out var iso2, out var error)) return iso2;
            r.AddError(error!);
            return null;
        },
    };
    public Option<PartialDate?> From { get; } = CliOptions.Date("--from", "Only events on or after this date (a month or a year: from its first day)");
    public Option<PartialDate?> To { get; } = CliOptions.Date("--to", "Only events on or before this date (a month or a year: to its last day)");
    public Option<string?> Type { get; } = new("--type") { Description = "Only this event type or subtype (battles, air_drone_strike…)", HelpName = "T" };
    public Option<string?> Actor { get; } = new("--actor") { Description = "Only events with an actor whose name contains this", HelpName = "A" };
    public Option<string?> Source { get; } = new("--source") { Description = "Only events reported by a source whose name contains this", HelpName = "S" };
    public Option<Near?> Near { get; } = new("--near") { Description = "Only events within KM kilometres of a point", HelpName = "LAT,LON,KM", CustomParser = ParseNear };

    /// <summary>Options that only some commands take (--near is not a stats grouping, for instance).</summary>
    public EventFilterOptions AddTo(Command command, bool all = true)
    {
        command.Options.Add(Country);
        command.Options.Add(From);
        command.Options.Add(To);
        if (all)
        {
            command.Options.Add(Type);
            command.Options.Add(Actor);
            command.Options.Add(Source);
            command.Options.Add(Near);
        }
        Type.Validators.Add(r =>
        {
            if (r.Tokens.Count > 0 && !TryType(r.Tokens[0].Value, out _, out _))
                r.AddError($"unknown event type '{r.Tokens[0].Value}': use an ACLED type or subtype such as battles, explosions_remote_violence, air_drone_strike");
        });
        return this;
    }

    public EventFilter Read(ParseResult parse)
    {
        EventType? type = null;
        EventSubtype? subtype = null;
        if (parse.GetValue(Type) is { } t && TryType(t, out var et, out var st)) { type = et; subtype = st; }
        return new EventFilter
        {
            Country = parse.GetValue(Country),
            From = parse.GetValue(From),
            To = parse.GetValue(To),
            Type = type,
            Subtype = subtype,
            Actor = parse.GetValue(Actor),
            Source = parse.GetValue(Source),
            Near = parse.GetValue(Near),
        };
    }

    private static bool TryType(string text, out EventType? type, out EventSubtype? subtype)
    {
        type = null; subtype = null;
        if (Storage.Names.TryParse<EventType>(text, out var t)) { type = t; return true; }
        if (Storage.Names.TryParse<EventSubtype>(text, out var s)) { subtype = s; return true; }
        return false;
    }

    private static Near? ParseNear(ArgumentResult result)
    {
        if (result.Tokens.Count == 0) return null;
        var text = result.Tokens[0].Value;
        var parts = text.Split(',');
        if (parts.Length == 3
            && double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var lat) && lat is >= -90 and <= 90
            && double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var lon) && lon is >= -180 and <= 180
            && double.TryParse(parts[2], NumberStyles.Float, CultureInfo.InvariantCulture, out var km) && km > 0)
            return new Near(lat, lon, km);
        result.AddError($"'{text}' is not LAT,LON,KM (for example 33.51,36.29,25)");
        return null;
    }
}
