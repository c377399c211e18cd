using Vigie.Cli.Commands;

namespace Vigie.Tests;

public class ProgressThrottleTests
{
    private sealed class ManualClock : TimeProvider
    {
        public long Ticks;
        public override long TimestampFrequency => TimeSpan.TicksPerSecond;
        public override long GetTimestamp() => Ticks;
        public void Advance(TimeSpan d) => Ticks += d.Ticks;
    }

    [Fact]
    public void Due_OncePerIntervalOfElapsedTime()
    {
        var clock = new ManualClock();
        var t = new IngestCommand.ProgressThrottle(clock, TimeSpan.FromSeconds(10));
        Assert.False(t.Due());
        clock.Advance(TimeSpan.FromSeconds(9));
        Assert.False(t.Due());
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True(t.Due());
        Assert.False(t.Due());
        clock.Advance(TimeSpan.FromSeconds(25));
        Assert.True(t.Due());
        Assert.False(t.Due());
    }
}
