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
        try { return await DocumentQueue.OpenAsync(new QueueSettings { Url = url, Name = name }, cancel); }
        catch (QueueException e) { throw new UserException(e.Message); }
    }
}
