using Vigie.Storage;

namespace Vigie.Core.Tests.Storage;

public class YieldingThreadsTests
{
    [Fact]
    public void Start_RunsTheBodyOnAThreadOfItsOwn_AtALowerPriority()
    {
        int? nice = null;
        var caller = Environment.CurrentManagedThreadId;
        var callerNice = CurrentNice();
        var ran = 0;
        string? name = null;
        // waited for on this thread, so that what is read after is this thread's own (an awaited task may resume on a pool
        // thread that a lowered thread created, and inherited its priority)
        using var read = new ManualResetEventSlim();
        YieldingThreads.Start("vigie-test", () =>
        {
            ran = Environment.CurrentManagedThreadId;
            name = Thread.CurrentThread.Name;
            nice = CurrentNice();
            read.Set();
        });
        Assert.True(read.Wait(TimeSpan.FromSeconds(30)));
        Assert.Equal(caller, Environment.CurrentManagedThreadId);
        Assert.NotEqual(caller, ran);
        Assert.Equal("vigie-test", name);
        if (OperatingSystem.IsLinux())
        {
            // the new thread runs at the lower priority at least (a test thread may itself have been created by a lowered thread
            // of another test, and inherited its value), and the caller keeps its own
            Assert.True(nice >= YieldingThreads.Nice, $"nice {nice}");
            Assert.Equal(callerNice, CurrentNice());
        }
    }

    [Fact]
    public void StartOwn_RunsTheBodyOnAThreadOfItsOwn_AtTheCallersPriority()
    {
        int? nice = null;
        var callerNice = CurrentNice();
        var ran = 0;
        using var read = new ManualResetEventSlim();
        YieldingThreads.StartOwn("vigie-write-test", () =>
        {
            ran = Environment.CurrentManagedThreadId;
            nice = CurrentNice();
            read.Set();
        });
        Assert.True(read.Wait(TimeSpan.FromSeconds(30)));
        Assert.NotEqual(Environment.CurrentManagedThreadId, ran);
        Assert.Equal(callerNice, nice);
    }

    /// <summary>The calling thread's nice value on Linux, from /proc (null elsewhere).</summary>
    private static int? CurrentNice()
    {
        if (!OperatingSystem.IsLinux()) return null;
        var stat = File.ReadAllText("/proc/thread-self/stat");
        // the fields after the command name in parentheses: state is the 3rd field of the line, nice the 19th
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return int.Parse(fields[16], System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task Start_AFailingBody_FailsTheTaskWithItsException()
    {
        var task = YieldingThreads.Start("vigie-test", () => throw new InvalidDataException("bad input"));
        var e = await Assert.ThrowsAsync<InvalidDataException>(() => task);
        Assert.Equal("bad input", e.Message);
    }

    [Fact]
    public async Task Start_ACancelledBody_CancelsTheTask()
    {
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();
        var task = YieldingThreads.Start("vigie-test", () => cancel.Token.ThrowIfCancellationRequested());
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => task);
        Assert.True(task.IsCanceled);
    }
}
