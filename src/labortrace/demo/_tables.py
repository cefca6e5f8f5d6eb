"""Name parts for fictional Chinese companies: places, brand syllables, industries, legal forms.

Pinyin is written by hand (one syllable per Han character, toneless, as pypinyin reads it in
context) so the tests can check the generator against pypinyin instead of against itself.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Place:
    """A place used as the first part of a company name, with where such a company sits."""

    han: str
    pinyin: tuple[str, ...]
    english: str  #: the usual English exonym (Kashgar, not Kashi)
    division: str  #: administrative division code used in the USCC
    address_han: str  #: address prefix down to city or district
    address_en: str
    xinjiang: bool


@dataclass(frozen=True)
class Syllable:
    """One Han character of a brand and its pinyin."""

    han: str
    pinyin: str


@dataclass(frozen=True)
class Industry:
    """An industry word: Han, pinyin, English, and a buyer's purchasing category."""

    han: str
    pinyin: tuple[str, ...]
    english: str
    category: str


@dataclass(frozen=True)
class LegalForm:
    """A Chinese legal form and the English renderings buyers and registries use."""

    han: str
    pinyin: tuple[str, ...]
    english: str


def _place(han: str, pinyin: str, english: str, division: str, han_addr: str, en_addr: str) -> Place:
    return Place(han, tuple(pinyin.split()), english, division, han_addr, en_addr, division[:2] == "65")


XINJIANG_PLACES: tuple[Place, ...] = (
    _place("新疆", "xin jiang", "Xinjiang", "650104", "新疆乌鲁木齐市新市区", "Xinshi District, Urumqi, Xinjiang"),
    _place("喀什", "ka shi", "Kashgar", "653101", "新疆喀什地区喀什市", "Kashgar City, Kashgar Prefecture, Xinjiang"),
    _place("阿克苏", "a ke su", "Aksu", "652901", "新疆阿克苏地区阿克苏市", "Aksu City, Aksu Prefecture, Xinjiang"),
    _place("和田", "he tian", "Hotan", "653201", "新疆和田地区和田市", "Hotan City, Hotan Prefecture, Xinjiang"),
    _place("昌吉", "chang ji", "Changji", "652301", "新疆昌吉回族自治州昌吉市", "Changji, Changji Hui Autonomous Prefecture, Xinjiang"),
    _place("石河子", "shi he zi", "Shihezi", "659001", "新疆石河子市", "Shihezi, Xinjiang"),
    _place("库尔勒", "ku er le", "Korla", "652801", "新疆巴音郭楞蒙古自治州库尔勒市", "Korla, Bayingolin Mongol Autonomous Prefecture, Xinjiang"),
    _place("吐鲁番", "tu lu fan", "Turpan", "650402", "新疆吐鲁番市高昌区", "Gaochang District, Turpan, Xinjiang"),
    _place("伊宁", "yi ning", "Yining", "654002", "新疆伊犁哈萨克自治州伊宁市", "Yining, Ili Kazakh Autonomous Prefecture, Xinjiang"),
)

OTHER_PLACES: tuple[Place, ...] = (
    _place("湖北", "hu bei", "Hubei", "420902", "湖北省孝感市孝南区", "Xiaonan District, Xiaogan, Hubei"),
    _place("武汉", "wu han", "Wuhan", "420112", "湖北省武汉市东西湖区", "Dongxihu District, Wuhan, Hubei"),
    _place("广东", "guang dong", "Guangdong", "441900", "广东省东莞市", "Dongguan, Guangdong"),
    _place("江苏", "jiang su", "Jiangsu", "320509", "江苏省苏州市吴江区", "Wujiang District, Suzhou, Jiangsu"),
    _place("浙江", "zhe jiang", "Zhejiang", "330109", "浙江省杭州市萧山区", "Xiaoshan District, Hangzhou, Zhejiang"),
    _place("安徽", "an hui", "Anhui", "340104", "安徽省合肥市蜀山区", "Shushan District, Hefei, Anhui"),
    _place("福建", "fu jian", "Fujian", "350582", "福建省泉州市晋江市", "Jinjiang, Quanzhou, Fujian"),
    _place("山东", "shan dong", "Shandong", "370211", "山东省青岛市黄岛区", "Huangdao District, Qingdao, Shandong"),
    _place("河南", "he nan", "Henan", "410105", "河南省郑州市金水区", "Jinshui District, Zhengzhou, Henan"),
    _place("江西", "jiang xi", "Jiangxi", "360111", "江西省南昌市青山湖区", "Qingshanhu District, Nanchang, Jiangxi"),
    _place("合肥", "he fei", "Hefei", "340111", "安徽省合肥市包河区", "Baohe District, Hefei, Anhui"),
    _place("苏州", "su zhou", "Suzhou", "320506", "江苏省苏州市吴中区", "Wuzhong District, Suzhou, Jiangsu"),
    _place("宁波", "ning bo", "Ningbo", "330206", "浙江省宁波市北仑区", "Beilun District, Ningbo, Zhejiang"),
    _place("东莞", "dong guan", "Dongguan", "441900", "广东省东莞市", "Dongguan, Guangdong"),
    _place("青岛", "qing dao", "Qingdao", "370214", "山东省青岛市城阳区", "Chengyang District, Qingdao, Shandong"),
    _place("泉州", "quan zhou", "Quanzhou", "350503", "福建省泉州市丰泽区", "Fengze District, Quanzhou, Fujian"),
)

PLACES: tuple[Place, ...] = XINJIANG_PLACES + OTHER_PLACES


def _syllables(han: str, pinyin: str) -> tuple[Syllable, ...]:
    return tuple(Syllable(h, p) for h, p in zip(han, pinyin.split(), strict=True))


#: First and second brand syllables. Chosen to have one reading in pypinyin; second syllables
#: start with a consonant so the English brand ('Ruida') splits back into one reading.
BRAND_FIRST: tuple[Syllable, ...] = _syllables(
    "瑞恒鑫锦宏嘉昊骏澜祥福永康凯博鸿德立峰耀腾泓晋铭沁宸桦煜",
    "rui heng xin jin hong jia hao jun lan xiang fu yong kang kai bo hong de li feng yao teng hong jin ming qin chen hua yu",
)
BRAND_SECOND: tuple[Syllable, ...] = _syllables(
    "达泰华通隆源丰辉诚信祥茂鼎邦顺川宇泽旭彩钧翔坤帆杰璟岚瀚",
    "da tai hua tong long yuan feng hui cheng xin xiang mao ding bang shun chuan yu ze xu cai jun xiang kun fan jie jing lan han",
)

#: Brands of listed and well-known real companies (and, by sound, their homophones): never used.
DENIED_BRANDS = frozenset((
    "凯源 凯达 凯隆 博杰 博源 博辉 博通 博钧 博隆 嘉信 嘉华 嘉泽 嘉源 嘉诚 嘉隆 宏丰 宏信 宏宇 宏川 宏泰 宏源 宏璟 宏诚 宏辉 宏达 宏通 宸丰 宸华 峰华 峰帆 峰源 峰璟 "
    "峰茂 峰隆 康信 康华 康泰 康辉 康达 康隆 德信 德华 德彩 德邦 德隆 恒丰 恒信 恒华 恒宇 恒泰 恒源 恒辉 恒达 恒通 恒邦 恒隆 恒顺 昊华 昊帆 晋丰 晋华 晋宇 晋源 晋璟 "
    "晋诚 晋辉 晋隆 桦丰 桦信 桦宇 桦岚 桦泰 桦源 桦祥 桦翔 桦茂 桦达 桦通 桦鼎 永丰 永杰 永泰 永茂 永辉 永达 永隆 永顺 永鼎 沁川 泓丰 泓信 泓宇 泓泰 泓源 泓璟 泓诚 "
    "泓辉 泓达 泓通 澜丰 澜华 澜宇 煜信 煜源 煜璟 煜通 煜隆 瑞丰 瑞信 瑞华 瑞杰 瑞泰 瑞泽 瑞茂 瑞达 瑞通 祥宇 祥彩 祥源 祥隆 福信 福达 福通 福邦 福顺 立信 立华 立源 "
    "立达 立邦 耀华 腾源 腾达 腾隆 鑫华 鑫宇 鑫泰 鑫源 鑫祥 鑫翔 鑫达 鑫邦 鑫隆 铭信 铭泰 锦丰 锦华 锦宇 锦源 锦璟 锦诚 锦辉 锦隆 骏信 骏鼎 鸿丰 鸿信 鸿宇 鸿泰 鸿源 "
    "鸿璟 鸿诚 鸿辉 鸿达 鸿通 "
).split())


def _industry(han: str, pinyin: str, english: str, category: str) -> Industry:
    return Industry(han, tuple(pinyin.split()), english, category)


INDUSTRIES: dict[str, Industry] = {
    i.english: i
    for i in (
        _industry("棉纺织", "mian fang zhi", "Cotton Textile", "Cotton yarn"),
        _industry("纺织", "fang zhi", "Textile", "Fabrics"),
        _industry("服装", "fu zhuang", "Garment", "Apparel CMT"),
        _industry("制衣", "zhi yi", "Apparel", "Apparel CMT"),
        _industry("毛纺", "mao fang", "Wool Textile", "Wool yarn"),
        _industry("化工", "hua gong", "Chemical", "Chemicals"),
        _industry("光伏", "guang fu", "Photovoltaic", "Solar modules"),
        _industry("硅业", "gui ye", "Silicon", "Polysilicon"),
        _industry("铝业", "lv ye", "Aluminium", "Aluminium"),
        _industry("番茄制品", "fan qie zhi pin", "Tomato Products", "Food ingredients"),
        _industry("食品", "shi pin", "Food", "Food ingredients"),
        _industry("农业", "nong ye", "Agriculture", "Agricultural products"),
        _industry("防护用品", "fang hu yong pin", "Protective Equipment", "PPE"),
        _industry("电子", "dian zi", "Electronics", "Electronic components"),
        _industry("发制品", "fa zhi pin", "Hair Products", "Hair accessories"),
        _industry("鞋业", "xie ye", "Footwear", "Footwear"),
        _industry("包装", "bao zhuang", "Packaging", "Packaging"),
        _industry("新材料", "xin cai liao", "New Materials", "Materials"),
        _industry("机械", "ji xie", "Machinery", "Machinery"),
        _industry("贸易", "mao yi", "Trading", "Trading"),
    )
}

#: Industries that forced-labour lists and reports name in Xinjiang.
XINJIANG_INDUSTRIES = ("Cotton Textile", "Textile", "Garment", "Chemical", "Photovoltaic", "Silicon",
                       "Aluminium", "Tomato Products", "Agriculture", "Hair Products", "Wool Textile")
#: Industries of factories elsewhere in China that receive transferred workers.
RECEIVING_INDUSTRIES = ("Garment", "Apparel", "Protective Equipment", "Electronics", "Footwear",
                        "Textile", "Hair Products", "Food")

LEGAL_FORMS: tuple[LegalForm, ...] = (
    LegalForm("有限公司", ("you", "xian", "gong", "si"), "Co., Ltd."),
    LegalForm("股份有限公司", ("gu", "fen", "you", "xian", "gong", "si"), "Co., Ltd."),
    LegalForm("集团有限公司", ("ji", "tuan", "you", "xian", "gong", "si"), "Group Co., Ltd."),
)
#: Relative frequency of each legal form above.
LEGAL_WEIGHTS = (6, 2, 1)

#: Streets for addresses: Han and English.
STREETS: tuple[tuple[str, str], ...] = (
    ("工业园区纬二路", "Weier Road, Industrial Park"),
    ("迎宾大道", "Yingbin Avenue"),
    ("建设路", "Jianshe Road"),
    ("纺织工业园经三路", "Jingsan Road, Textile Industrial Park"),
    ("光明路", "Guangming Road"),
    ("团结路", "Tuanjie Road"),
    ("兴业大道", "Xingye Avenue"),
    ("创业路", "Chuangye Road"),
    ("滨河路", "Binhe Road"),
    ("经济开发区园区路", "Yuanqu Road, Economic Development Zone"),
)

#: Common English words that make names close to many others ('Golden Sun Garment').
COMMON_WORDS = ("Golden Sun", "Sunrise", "Oriental Star", "Evergreen", "Rainbow", "Harmony",
                "Silver Moon", "Blue Ocean", "Pacific Bridge", "Lucky Star", "Unity", "Bright Future",
                "Eastern Pearl", "Jade River", "Morning Light", "Red Lantern", "New Century",
                "Peach Blossom", "Fortune Tree", "Spring Field")
