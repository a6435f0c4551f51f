// The demo company's texts. Fictional company, fictional incident; example.com only.
import { DateTime } from "luxon";

type At = (daysFromToday: number, time: string) => Date;

export const ORGANIZATION = { nameJa: "株式会社サンプル雑貨", nameEn: "Sample Zakka Co., Ltd." };

export const CATEGORIES = [
  {
    key: "name",
    labelJa: "氏名",
    labelEn: "Name",
    recommendedActionJa: "当社を名乗る不審な電話・郵便物にご注意ください。",
    recommendedActionEn: "Be wary of calls or letters claiming to be from us.",
  },
  {
    key: "email",
    labelJa: "メールアドレス",
    labelEn: "Email address",
    recommendedActionJa: "当社を装った不審なメール（フィッシングメール）のリンクを開かないでください。",
    recommendedActionEn: "Do not open links in suspicious emails that pretend to come from us (phishing).",
  },
  {
    key: "address",
    labelJa: "住所",
    labelEn: "Postal address",
    recommendedActionJa: "身に覚えのない郵便物・宅配物にご注意ください。",
    recommendedActionEn: "Be careful with mail or parcels you did not expect.",
  },
  {
    key: "phone",
    labelJa: "電話番号",
    labelEn: "Phone number",
    recommendedActionJa: "当社から電話でパスワードやカード番号をお尋ねすることはありません。",
    recommendedActionEn: "We will never ask for your password or card number by phone.",
  },
  {
    key: "password-hash",
    labelJa: "パスワード（暗号化された状態）",
    labelEn: "Password (in hashed form)",
    recommendedActionJa: "当サイトのパスワードを変更してください。同じパスワードを他のサービスでお使いの場合は、そちらも変更してください。",
    recommendedActionEn: "Change your password on our site, and on any other service where you use the same password.",
  },
  {
    key: "inquiry-content",
    labelJa: "お問い合わせの内容",
    labelEn: "Contents of your inquiry",
    recommendedActionJa: "お問い合わせにご自身の個人情報を記載された場合は、その内容に関連する不審な連絡にご注意ください。",
    recommendedActionEn: "If your inquiry included personal details, be wary of unexpected contact that refers to them.",
  },
];

export const GROUPS = [
  {
    key: "members",
    nameJa: "オンラインショップ会員のお客様",
    nameEn: "Online shop members",
    descriptionJa: "会員登録をされていたお客様 11,204名",
    descriptionEn: "11,204 customers with a registered account",
    categoryKeys: ["name", "email", "address", "phone", "password-hash"],
  },
  {
    key: "inquirers",
    nameJa: "お問い合わせフォームをご利用のお客様",
    nameEn: "Customers who used the contact form",
    descriptionJa: "一定期間にお問い合わせフォームからご連絡をいただいたお客様 1,318名",
    descriptionEn: "1,318 customers who wrote to us through the contact form during a given period",
    categoryKeys: ["name", "email", "inquiry-content"],
  },
];

export function revisionTexts({ at, dateOf }: { at: At; dateOf: (daysFromToday: number) => string }) {
  const ja = (days: number) => DateTime.fromISO(dateOf(days)).toFormat("M月d日");
  const en = (days: number) => DateTime.fromISO(dateOf(days)).setLocale("en-GB").toFormat("d MMMM");
  const inquiryWindowJa = `${ja(-34)}から${ja(-20)}まで`;
  const inquiryWindowEn = `from ${en(-34)} to ${en(-20)}`;
  const firstTimeline = [
    { occurredAt: at(-21, "10:12"), textJa: "サーバーの監視で不審な通信を検知", textEn: "Our monitoring detected suspicious traffic on a server" },
    {
      occurredAt: at(-21, "11:40"),
      textJa: "お問い合わせフォームを停止し、外部の専門機関に調査を依頼",
      textEn: "We took the contact form offline and engaged an external forensic firm",
    },
    { occurredAt: at(-20, "16:00"), textJa: "個人情報保護委員会へ報告", textEn: "We reported the incident to the Personal Information Protection Commission" },
  ];
  return [
    {
      kind: "first",
      titleJa: "不正アクセスによるお客様情報流出の可能性に関するお知らせとお詫び",
      titleEn: "Notice and apology: possible leak of customer information through unauthorised access",
      summaryJa:
        "このたび、当社が運営するオンラインショップのサーバーが第三者による不正アクセスを受け、お客様の個人情報が流出した可能性があることが判明いたしました。\n\nお客様には多大なるご迷惑とご心配をおかけしますことを、深くお詫び申し上げます。現在、外部の専門機関と調査を進めております。",
      summaryEn:
        "We found that a server of our online shop was accessed without authorisation by a third party, and that our customers' personal information may have been leaked.\n\nWe sincerely apologise for the trouble and worry this causes. We are investigating together with an external forensic firm.",
      actionsTakenJa: "- お問い合わせフォームを停止しました。\n- 外部の専門機関による調査を開始しました。\n- 監督官庁へ報告し、警察に相談しています。",
      actionsTakenEn:
        "- We took the contact form offline.\n- An external forensic firm has started an investigation.\n- We reported to the regulator and are consulting the police.",
      customerActionsJa: "- 当社を装った不審なメールにご注意ください。\n- 詳しい状況は分かり次第、このページでお知らせします。",
      customerActionsEn: "- Be wary of suspicious emails that pretend to come from us.\n- We will publish more details on this page as soon as we know them.",
      publishedAt: at(-19, "18:00"),
      timeline: firstTimeline,
    },
    {
      kind: "update",
      titleJa: "不正アクセスによるお客様情報流出に関するお知らせ（第2報）",
      titleEn: "Unauthorised access and leak of customer information (update 2)",
      summaryJa: `調査の結果、お問い合わせフォームの脆弱性を突いた不正アクセスにより、会員のお客様 **11,204名** の情報と、${inquiryWindowJa}にお問い合わせをいただいたお客様 **1,318名** の情報が流出したことを確認いたしました。\n\nクレジットカード情報は当社のサーバーでは保持していないため、流出しておりません。`,
      summaryEn: `Our investigation confirmed that an attacker exploited a flaw in the contact form and obtained the information of **11,204 members** and of **1,318 customers** who wrote to us ${inquiryWindowEn}.\n\nCard details are not stored on our servers and were not leaked.`,
      actionsTakenJa:
        "- 脆弱性を修正し、お問い合わせフォームを作り直しました。\n- すべての会員のパスワードを無効にしました。\n- 対象のお客様へ順次メールでご連絡しています。",
      actionsTakenEn:
        "- We fixed the flaw and rebuilt the contact form.\n- We invalidated every member's password.\n- We are writing to every affected customer by email.",
      customerActionsJa:
        "- このページ上部の「あなたの情報は漏えいしましたか」にメールアドレスを入力すると、ご自身の情報が対象かどうかをメールでお知らせします。\n- 当サイトのパスワードを再設定してください。同じパスワードを他のサービスでお使いの場合は、そちらも変更してください。\n- ご希望のお客様の個人情報は、お申し出により削除いたします。",
      customerActionsEn:
        '- Enter your email address under "Was your data exposed?" at the top of this page, and we will tell you by mail whether your information is affected.\n- Reset your password on our site, and change it on any other service where you use the same one.\n- On request, we will delete your personal information.',
      publishedAt: at(-5, "17:00"),
      timeline: [
        ...firstTimeline,
        {
          occurredAt: at(-8, "15:00"),
          textJa: "調査結果の報告を受領し、流出の範囲を確定",
          textEn: "We received the forensic report and confirmed the scope of the leak",
        },
        { occurredAt: at(-6, "09:00"), textJa: "すべての会員のパスワードを無効化", textEn: "We invalidated every member's password" },
      ],
    },
  ];
}
