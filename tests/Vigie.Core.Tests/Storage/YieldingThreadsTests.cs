using Vigie.Storage;

namespace Vigie.Core.Tests.Storage;

public class YieldingThreadsTests
{
    [Fact]
    public async Task Start_RunsTheBodyOnAThreadOfItsOwn_AtALowerPriority()
    {
        int? nice = null;
        var caller = Environment.CurrentManagedThreadId;
        var ran = 0;
        string? name = null;
        await YieldingThreads.Start("vigie-test", () =>
        {
            ran = Environment.CurrentManagedThreadId;
            name = Thread.CurrentThread.Name;
            nice = YieldingThreads.CurrentNice();
        });
        Assert.NotEqual(caller, ran);
        Assert.Equal("vigie-test", name);
        if (OperatingSystem.IsLinux())
        {
            // the caller keeps its own priority: only the new thread was lowered
            Assert.Equal(YieldingThreads.Nice, nice);
            Assert.True(YieldingThreads.CurrentNice() < YieldingThreads.Nice);
        }
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
