/** The reason codes every organization starts with; each edits its own list afterwards. */
export const DEFAULT_REASON_CODES: {
  code: string;
  label: string;
  category: string;
  kind: "risk" | "success" | "both";
}[] = [
  // Relationship
  { code: "exec_sponsor_engaged", label: "Executive sponsor engaged", category: "Relationship", kind: "success" },
  { code: "exec_sponsor_lost", label: "Executive sponsor left or disengaged", category: "Relationship", kind: "risk" },
  { code: "champion_strong", label: "Strong internal champion", category: "Relationship", kind: "success" },
  { code: "champion_left", label: "Champion left the company", category: "Relationship", kind: "risk" },
  { code: "key_contact_unresponsive", label: "Key contact unresponsive", category: "Relationship", kind: "risk" },
  { code: "stakeholder_change", label: "Stakeholder change", category: "Relationship", kind: "both" },
  { code: "regular_cadence", label: "Regular meeting cadence", category: "Relationship", kind: "success" },
  // Adoption
  { code: "low_adoption", label: "Low adoption", category: "Adoption", kind: "risk" },
  { code: "usage_declining", label: "Usage declining", category: "Adoption", kind: "risk" },
  { code: "usage_growing", label: "Usage growing", category: "Adoption", kind: "success" },
  { code: "onboarding_delayed", label: "Onboarding delayed", category: "Adoption", kind: "risk" },
  { code: "onboarding_complete", label: "Onboarding completed on time", category: "Adoption", kind: "success" },
  { code: "feature_adoption", label: "Adopted new features", category: "Adoption", kind: "success" },
  { code: "training_gap", label: "Users need training", category: "Adoption", kind: "risk" },
  // Value
  { code: "roi_proven", label: "ROI demonstrated", category: "Value", kind: "success" },
  { code: "roi_unclear", label: "Value not yet realised", category: "Value", kind: "risk" },
  { code: "goals_met", label: "Success goals met", category: "Value", kind: "success" },
  { code: "goals_missed", label: "Success goals missed", category: "Value", kind: "risk" },
  { code: "ebr_positive", label: "Positive business review", category: "Value", kind: "success" },
  { code: "reference_willing", label: "Willing to be a reference", category: "Value", kind: "success" },
  // Product
  { code: "product_gap", label: "Missing features", category: "Product", kind: "risk" },
  { code: "product_bugs", label: "Bugs or quality issues", category: "Product", kind: "risk" },
  { code: "performance_issues", label: "Performance problems", category: "Product", kind: "risk" },
  { code: "integration_issues", label: "Integration problems", category: "Product", kind: "risk" },
  { code: "product_love", label: "Loves the product", category: "Product", kind: "success" },
  { code: "roadmap_fit", label: "Roadmap fits their plans", category: "Product", kind: "both" },
  // Support
  { code: "support_escalations", label: "Support escalations", category: "Support", kind: "risk" },
  { code: "support_praise", label: "Praised support", category: "Support", kind: "success" },
  { code: "slow_resolution", label: "Slow issue resolution", category: "Support", kind: "risk" },
  // Commercial
  { code: "budget_cuts", label: "Budget cuts", category: "Commercial", kind: "risk" },
  { code: "pricing_concern", label: "Pricing concerns", category: "Commercial", kind: "risk" },
  { code: "competitor_evaluation", label: "Evaluating a competitor", category: "Commercial", kind: "risk" },
  { code: "expansion_opportunity", label: "Expansion opportunity", category: "Commercial", kind: "success" },
  { code: "renewal_confirmed", label: "Renewal confirmed", category: "Commercial", kind: "success" },
  { code: "churn_intent", label: "Expressed intent to churn", category: "Commercial", kind: "risk" },
  { code: "contract_dispute", label: "Contract or billing dispute", category: "Commercial", kind: "risk" },
  // Organization
  { code: "merger_acquisition", label: "Merger or acquisition", category: "Organization", kind: "both" },
  { code: "reorganization", label: "Reorganization", category: "Organization", kind: "both" },
  { code: "layoffs", label: "Layoffs at the client", category: "Organization", kind: "risk" },
  { code: "company_growth", label: "Client company growing", category: "Organization", kind: "success" },
];
