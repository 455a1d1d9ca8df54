import Foundation
import Testing

/// The profile words users write (level 地级市, terrain 山区…) in a CSV file of profiles, as the
/// command line reads them; the daemon's side is in DaemonTests.
@Suite struct ProfileWordsTests {
    @Test func csvProfilesInTheWordsUsersWrite() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let csv = folder.appendingPathComponent("regions.csv")
        try """
        id,name,level,terrain,economy,urbanization,focus,text
        A,某市,地级市,丘陵,发达,城市,控烟,
        B,某县,县,山区;高原,脱贫县,农村,健康知识普及,
        C,某旗,旗,草原,欠发达,城乡结合,,牧区健康服务

        """.write(to: csv, atomically: true, encoding: .utf8)
        let result = try practiced(["report", "--profiles", csv.path, "--out", folder.appendingPathComponent("out").path])
        #expect(result.status == 0, "\(result.errors)")
        let made = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("out").path)
        #expect(Set(["A.html", "B.html", "C.html"]).isSubset(of: Set(made)))
    }

    @Test func anUnknownWordInACsvNamesTheRowAndTheField() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let csv = folder.appendingPathComponent("regions.csv")
        try "id,level,text\nA,大都市,健康\n".write(to: csv, atomically: true, encoding: .utf8)
        let result = try practiced(["recommend", "--profile", csv.path])
        #expect(result.status != 0)
        #expect(result.errors.contains("level: '大都市' is not one of province (省"))
        #expect(result.errors.contains("prefecture (city, prefecture-level city, 地级市, 市, 州"))
    }
}
