namespace Naviyam.LoadTest;

public static class Report
{
    public static void Write(string results, string output, string command, string commit) => throw new NotImplementedException();
}
