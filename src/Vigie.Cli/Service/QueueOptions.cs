using System.CommandLine;
using Vigie.Queue;

namespace Vigie.Cli.Service;

/// <summary>What the commands that use the queue share: --queue and opening the queue with one-line errors.</summary>
public static class QueueOptions
{
    public static Option<string> Name() => new("--queue")
    {
        Description = "Name of the queue: the JetStream stream NAME (subjects NAME.docs.LANG), NAME_dead for failed documents, the consumer NAME_workers",
        HelpName = "NAME",
        DefaultValueFactory = _ => QueueSettings.DefaultName,
    };

    public static async Task<DocumentQueue> OpenAsync(string url, string name, CancellationToken cancel)
    {
        if (QueueSettings.Problem(url, name) is { } bad) throw new UsageException(bad);
        var settings = new QueueSettings { Url = url, Name = name };
        if (PublishRetry() is { } retry) settings = settings with { PublishRetry = retry };
        try { return await DocumentQueue.OpenAsync(settings, cancel); }
        catch (QueueException e) { throw new UserException(e.Message); }
    }

    /// <summary>VIGIE_QUEUE_RETRY_SECONDS: how long a publish waits for an unreachable server (default two minutes); null when unset.</summary>
    private static TimeSpan? PublishRetry()
    {
        var value = Environment.GetEnvironmentVariable("VIGIE_QUEUE_RETRY_SECONDS");
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (!int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var seconds) || seconds < 1)
            throw new UsageException($"VIGIE_QUEUE_RETRY_SECONDS='{value}' is not a number of seconds (1 or more)");
        return TimeSpan.FromSeconds(seconds);
    }
}
