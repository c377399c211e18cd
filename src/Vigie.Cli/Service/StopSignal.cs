using System.CommandLine;
using System.Runtime.InteropServices;

namespace Vigie.Cli;

/// <summary>
/// A command that runs until stopped (watch, worker): the runner leaves SIGINT and SIGTERM to it
/// (<see cref="StopSignal"/>) instead of cancelling it after two seconds.
/// </summary>
public sealed class ServiceCommand(string name, string description) : Command(name, description);

/// <summary>
/// Turns SIGINT (Ctrl+C) and SIGTERM into a cancellation the service reads between batches: the
/// batch in hand is written to the end or not at all, then the command returns 0. The token also
/// follows the one the caller passed (tests cancel through it).
/// </summary>
public sealed class StopSignal : IDisposable
{
    private readonly CancellationTokenSource _cts;
    private readonly PosixSignalRegistration[] _registrations;

    public StopSignal(CancellationToken outer)
    {
        _cts = CancellationTokenSource.CreateLinkedTokenSource(outer);
        _registrations =
        [
            PosixSignalRegistration.Create(PosixSignal.SIGINT, Handle),
            PosixSignalRegistration.Create(PosixSignal.SIGTERM, Handle),
        ];
    }

    public CancellationToken Token => _cts.Token;

    private void Handle(PosixSignalContext context)
    {
        context.Cancel = true;
        _cts.Cancel();
    }

    public void Dispose()
    {
        foreach (var r in _registrations) r.Dispose();
        _cts.Dispose();
    }
}
