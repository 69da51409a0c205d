namespace CxAsCode.Sandbox.Realism;

/// <summary>The realism profile in force, changeable at run time through <c>/sandbox/realism</c> and
/// <c>/sandbox/consistency</c>; <c>POST /sandbox/reset</c> puts back the one the sandbox started with.
/// Each request works with a copy taken when it starts, so a change never applies half-way through.</summary>
internal sealed class RealismSettings(RealismProfile startUp)
{
    private readonly Lock _gate = new();
    private readonly RealismProfile _startUp = startUp.Clone();
    private RealismProfile _current = startUp.Clone();

    public RealismProfile Current
    {
        get
        {
            lock (_gate)
            {
                return _current.Clone();
            }
        }
    }

    public RealismProfile Update(Action<RealismProfile> change)
    {
        lock (_gate)
        {
            var next = _current.Clone();
            change(next);
            _current = next;
            return next.Clone();
        }
    }

    public void Reset()
    {
        lock (_gate)
        {
            _current = _startUp.Clone();
        }
    }
}
