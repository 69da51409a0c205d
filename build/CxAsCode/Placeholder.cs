namespace CxAsCode; internal static class Placeholder { }
