import Foundation
import Regions
import Testing

/// The province a document is about, from its own words, and the kind of a case's written unit.
@Suite struct DocumentPlaceTests {
    let place = try! DocumentPlace(resolver: resolver, directory: projectRoot.appendingPathComponent("config/divisions"))

    @Test func theIssuerNamesTheProvince() {
        let found = place.province(title: "第二批典型经验案例", issuer: "河北省健康河北行动推进委员会办公室", docNumber: nil)
        #expect(found?.province == "河北省")
        #expect(found?.source.hasPrefix("issuer") == true)
    }

    @Test func theDocumentNumbersAbbreviationNamesTheProvince() {
        #expect(place.province(title: nil, issuer: nil, docNumber: "冀健推委办〔2023〕5号")?.province == "河北省")
        #expect(place.province(title: nil, issuer: nil, docNumber: "豫卫宣传〔2022〕3号")?.province == "河南省")
        #expect(place.province(title: nil, issuer: nil, docNumber: "黔健推办〔2023〕9号")?.province == "贵州省")
        // A national 文号 (国健推委办函) names no province.
        #expect(place.province(title: nil, issuer: nil, docNumber: "国健推委办函〔2021〕3号") == nil)
    }

    @Test func theTitleNamesTheProvince() {
        #expect(place.province(title: "健康河北行动第二批典型经验案例", issuer: nil, docNumber: nil)?.province == "河北省")
        #expect(place.province(title: "内蒙古自治区健康促进典型案例", issuer: nil, docNumber: nil)?.province == "内蒙古自治区")
        // 健康中原 is a slogan, not a province's name; a national title names none.
        #expect(place.province(title: "健康中原行动典型案例", issuer: nil, docNumber: nil) == nil)
        #expect(place.province(title: "全国健康促进县区典型经验案例", issuer: nil, docNumber: nil) == nil)
    }

    @Test func writtenUnitsByTheirNames() {
        for body in ["省司法厅", "省总工会", "省计生协", "全省爱卫办", "健康知识普及行动工作组", "合理膳食专项行动组"] {
            #expect(WrittenUnit.of(body) == .provincialBody, "\(body)")
        }
        for institution in ["邯郸邱县古城营镇卫生院", "河北医科大学第二医院", "石家庄市第一中学", "开滦集团", "新华社区卫生服务中心"] {
            #expect(WrittenUnit.of(institution) == .institution, "\(institution)")
        }
        for administrative in ["保定易县", "秦皇岛北戴河区", "石家庄市", "古城营镇"] {
            #expect(WrittenUnit.of(administrative) == .administrative, "\(administrative)")
        }
    }
}
