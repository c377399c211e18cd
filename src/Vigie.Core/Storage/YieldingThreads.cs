using System.Runtime.InteropServices;

namespace Vigie.Storage;

/// <summary>
/// Threads of work that give way to the rest of the process. An ingest has one writer (SQLite takes one at a time) and
/// several extraction threads: with as many runnable threads as cores plus one, the scheduler shares the cores evenly
/// and the writer, which every document waits for, ran a third slower than alone. Extraction threads started here run
/// at a lower priority (a nice value of <see cref="Nice"/> on Linux, below normal elsewhere): they still take every
/// cycle the writer leaves, so nothing is lost when cores are plentiful. On Linux a thread inherits the nice value of the
/// thread that creates it: a pool thread the runtime adds while one of these queues work (a channel waking its reader)
/// runs lowered too, whatever it is later given.
/// </summary>
public static partial class YieldingThreads
{
    /// <summary>The nice value of the threads on Linux (0 is normal, 19 the lowest).</summary>
    public const int Nice = 10;

    /// <summary>Runs <paramref name="body"/> on a new background thread at the lower priority; the task ends with it.</summary>
    public static Task Start(string name, Action body) => Start(name, body, lower: true);

    /// <summary>
    /// Runs <paramref name="body"/> on a new background thread at the creating thread's priority (the work the lowered
    /// threads give way to); the task ends with it. Created from a thread at normal priority, it never runs lowered, as
    /// an awaited continuation could on a pool thread that a lowered thread created.
    /// </summary>
    public static Task StartOwn(string name, Action body) => Start(name, body, lower: false);

    private static Task Start(string name, Action body, bool lower)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            if (lower) Lower();
            try
            {
                body();
                done.SetResult();
            }
            catch (OperationCanceledException e) { done.SetCanceled(e.CancellationToken); }
            catch (Exception e) { done.SetException(e); }
        })
        { IsBackground = true, Name = name };
        thread.Start();
        return done.Task;
    }

    /// <summary>Lowers the calling thread's priority; a refusal leaves it as it was.</summary>
    private static void Lower()
    {
        if (OperatingSystem.IsLinux())
        {
            // on Linux the nice value is a thread's own: "who" 0 is the calling thread
            try { _ = SetPriority(0, 0, Nice); }
            catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException) { }
        }
        else
        {
            try { Thread.CurrentThread.Priority = ThreadPriority.BelowNormal; }
            catch (Exception e) when (e is PlatformNotSupportedException or ThreadStateException) { }
        }
    }

    [LibraryImport("libc", EntryPoint = "setpriority")]
    private static partial int SetPriority(int which, int who, int priority);
}
